using System.Linq;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Keras;

namespace StaticKeras.Modeling.Layers.Pooling;

/// <summary>Keras's global pooling argument (keras/src/layers/pooling/base_global_pooling.py).</summary>
/// <param name="KeepDims">Keep the pooled axes with length 1.</param>
internal sealed record GlobalPoolingConfig(bool KeepDims) : LayerConfig;

/// <summary>
/// GlobalMaxPooling1D/2D and GlobalAveragePooling1D/2D: one window over every position, lowered to
/// the pooling kernels over <c>PoolGeometry.Global</c>. Both output shapes have the same memory
/// (one value per channel), so <c>KeepDims</c> changes only the shape.
/// </summary>
internal abstract class GlobalPoolingLayer : LayerDescriptor<GlobalPoolingConfig>
{
    /// <summary>1 for sequences, 2 for images.</summary>
    protected abstract int SpatialAxes { get; }

    /// <summary>True for max pooling, false for average pooling.</summary>
    protected abstract bool IsMax { get; }

    protected override GlobalPoolingConfig Parse(LayerArguments a) => new(a.Bool("KeepDims", false));

    protected override void Infer(GlobalPoolingConfig c, LayerInference layer)
    {
        if (SpatialInputs.Require(layer, SpatialAxes, KerasClassName))
        {
            int channels = layer.Input.Last;
            layer.SetOutput(c.KeepDims ? Shape.Of(Enumerable.Repeat(1, SpatialAxes).Concat(new[] { channels }).ToArray()) : Shape.Of(channels));
        }
    }

    protected override void Lower(GlobalPoolingConfig c, LayerLowering l)
    {
        Shape x = l.InputShape();
        string global = SpatialAxes == 1 ? $"1, {x[0]}, {x[1]}" : $"{x[0]}, {x[1]}, {x[2]}";
        OpArg geometry = l.Field("_geometry", $"{LayerLowering.Kernels}PoolGeometry", $"{LayerLowering.Kernels}PoolGeometry.Global({global})", $"{l.Layer.Path}'s one window over {x}");
        PoolCalls.Lower(l, geometry, IsMax);
    }

    protected override void Export(GlobalPoolingConfig c, LayerLowering l)
    {
        // The ONNX helper writes Keras's (N, C); keepdims reshapes it to (N, 1, [1,] C).
        string helper = $"{LayerLowering.Onnx}{(IsMax ? "GlobalMaxPooling" : "GlobalAveragePooling")}";
        if (!c.KeepDims)
        {
            l.Export(helper, LayerLowering.Graph, l.Name, l.InputName(), OpArg.Int(SpatialAxes));
            return;
        }

        OpArg flat = OpArg.Code(LayerLowering.Literal(l.Layer.Path + "/flat"));
        l.Export(helper, LayerLowering.Graph, flat, l.InputName(), OpArg.Int(SpatialAxes));
        l.Export($"{LayerLowering.Onnx}Reshape", LayerLowering.Graph, l.Name, flat, OnnxForms.Ints(l.OutputShape.Dims));
    }

    protected override void ToKeras(GlobalPoolingConfig c, KerasConfigWriter k) =>
        k.Text("data_format", "channels_last").Bool("keepdims", c.KeepDims);

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.MustBe("data_format", "channels_last");
        k.Bool("keepdims", "KeepDims");
    }
}
