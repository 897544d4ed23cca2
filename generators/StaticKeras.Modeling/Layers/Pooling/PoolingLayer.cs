using System.Linq;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Layers.Convolutional;
using StaticKeras.Modeling.Layers.Preprocessing;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Pooling;

/// <summary>
/// Keras's pooling arguments (keras/src/layers/pooling/base_pooling.py) as a convolution's window
/// without dilation: <c>KernelSize</c> is the pool size, <c>Strides</c> the step (the pool size
/// when Keras's <c>strides=None</c>), <c>Padding</c> "valid" or "same", with the same arithmetic.
/// </summary>
/// <param name="Window">The window, one value per spatial axis.</param>
internal sealed record PoolingConfig(ConvWindowConfig Window) : LayerConfig
{
    /// <summary>The window, per axis.</summary>
    public EquatableArray<int> PoolSize => Window.KernelSize;
}

/// <summary>
/// MaxPooling1D/2D and AveragePooling1D/2D: windows over the spatial axes of a channels-last input,
/// lowered to <c>MaxPoolKernel</c> or <c>AveragePoolKernel</c> over a constant <c>PoolGeometry</c>
/// (a 1D pooling is a 2D one of height 1).
/// </summary>
internal abstract class PoolingLayer : LayerDescriptor<PoolingConfig>
{
    /// <summary>1 for sequences, 2 for images.</summary>
    protected abstract int SpatialAxes { get; }

    /// <summary>True for max pooling, false for average pooling.</summary>
    protected abstract bool IsMax { get; }

    /// <summary>Keras's default pool size (2 for max pooling), or null where Keras requires one.</summary>
    private int? DefaultPoolSize => IsMax ? 2 : null;

    protected override PoolingConfig? Parse(LayerArguments a)
    {
        string example = SpatialAxes == 1 ? $"[{KerasClassName}(2)]" : $"[{KerasClassName}(2)] or [{KerasClassName}(3, 2)]";
        int[]? fallback = DefaultPoolSize is int d ? Enumerable.Repeat(d, SpatialAxes).ToArray() : null;
        int[]? pool = a.PerAxis("PoolSize", SpatialAxes, fallback, 1, example);
        // Keras's strides=None is the pool size; a wrong pool size is reported already, and strides are still checked.
        int[]? strides = a.PerAxis("Strides", SpatialAxes, pool ?? new int[SpatialAxes], 1, $"[{KerasClassName}(2, Strides = [1])]");
        string padding = a.Choice("Padding", "valid", "valid", "same");
        return pool is null || strides is null || a.Failed
            ? null
            : new PoolingConfig(new ConvWindowConfig(pool.ToEquatableArray(), strides.ToEquatableArray(), padding, Enumerable.Repeat(1, SpatialAxes).ToEquatableArray()));
    }

    protected override void Infer(PoolingConfig c, LayerInference layer)
    {
        if (!SpatialInputs.Require(layer, SpatialAxes, KerasClassName))
        {
            return;
        }

        Shape input = layer.Input;
        int[] output = input.Dims.ToArray();
        for (int i = 0; i < SpatialAxes; i++)
        {
            output[i] = c.Window.Output(i, input[i]);
            if (output[i] < 1)
            {
                // As Keras's compute_pooling_output_shape ("Computed output size would be zero or negative"), and the convolutions' SK1005.
                string pool = string.Join("×", c.PoolSize), spatial = string.Join("×", input.Dims.Take(SpatialAxes));
                layer.Error(
                    ErrorKind.NonPositiveDimension,
                    "PoolSize",
                    $"{layer.Title}: its {pool} pool does not fit the {spatial} input with Padding \"valid\" ({AxisName(i)}: {input[i]} < {c.PoolSize[i]}). Use Padding = \"same\", a smaller PoolSize, or a larger input.");
                return;
            }
        }

        layer.SetOutput(Shape.Of(output), "PoolSize");
    }

    protected override void Lower(PoolingConfig c, LayerLowering l)
    {
        OpArg geometry = l.Field("_geometry", $"{LayerLowering.Kernels}PoolGeometry", Geometry(c, l.InputShape()), $"{l.Layer.Path}'s windows over {l.InputShape()}");
        l.Describe($"{string.Join("x", c.PoolSize)} pool, stride {string.Join("x", c.Window.Strides)}, {c.Window.Padding}");
        PoolCalls.Lower(l, geometry, IsMax);
    }

    protected override void Export(PoolingConfig c, LayerLowering l)
    {
        Shape input = l.InputShape();
        string pooling = $"new global::StaticKeras.Onnx.OnnxPooling({OnnxForms.Ints(input.Dims.Take(SpatialAxes)).Text}, {OnnxForms.Ints(c.PoolSize).Text}) {{ Strides = {OnnxForms.Ints(c.Window.Strides).Text}, Padding = \"{c.Window.Padding}\" }}";
        l.Export($"{LayerLowering.Onnx}{(IsMax ? "MaxPooling" : "AveragePooling")}", LayerLowering.Graph, l.Name, l.InputName(), OpArg.Code(pooling));
    }

    /// <summary>The kernel's geometry: Keras's padding made explicit, a 1D pooling as one row.</summary>
    private string Geometry(PoolingConfig c, Shape input)
    {
        (int before, int after)[] pads = Enumerable.Range(0, SpatialAxes).Select(i => c.Window.Pads(i, input[i])).ToArray();
        return SpatialAxes == 1
            ? $"{LayerLowering.Kernels}PoolGeometry.Pool1D({input[0]}, {input[1]}, {c.PoolSize[0]}, {c.Window.Strides[0]}, {pads[0].before}, {pads[0].after})"
            : $"new({input[0]}, {input[1]}, {input[2]}, {c.PoolSize[0]}, {c.PoolSize[1]}, {c.Window.Strides[0]}, {c.Window.Strides[1]}, {pads[0].before}, {pads[0].after}, {pads[1].before}, {pads[1].after})";
    }

    private string AxisName(int axis) => SpatialAxes == 1 ? "steps" : axis == 0 ? "rows" : "columns";

    protected override void ToKeras(PoolingConfig c, KerasConfigWriter k) => k
        .Ints("pool_size", c.PoolSize).Text("padding", c.Window.Padding).Ints("strides", c.Window.Strides)
        .Text("data_format", "channels_last");

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Ints("pool_size", "PoolSize");
        k.Ints("strides", "Strides"); // null (Keras 2's default) leaves ours: the pool size
        k.Text("padding", "Padding");
        k.MustBe("data_format", "channels_last");
    }
}
