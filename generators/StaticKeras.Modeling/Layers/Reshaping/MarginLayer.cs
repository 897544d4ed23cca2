using System.Linq;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;
using StaticKeras.Modeling.Keras;

namespace StaticKeras.Modeling.Layers.Reshaping;

/// <summary>Rows and columns added or removed before and after each spatial axis (a 1D layer's in <c>Left</c> and <c>Right</c>).</summary>
internal sealed record MarginsConfig(int Top, int Bottom, int Left, int Right) : LayerConfig
{
    /// <summary>True when nothing is added or removed.</summary>
    public bool IsEmpty => Top == 0 && Bottom == 0 && Left == 0 && Right == 0;
}

/// <summary>
/// ZeroPadding1D/2D and Cropping1D/2D: margins on the spatial axes of a channels-last input,
/// lowered to <c>ZeroPaddingKernel</c> or <c>CroppingKernel</c> (each the other's backward pass);
/// a 1D layer is a 2D one of height 1. Margins of zero make the layer a view of its input.
/// </summary>
internal abstract class MarginLayer : LayerDescriptor<MarginsConfig>
{
    /// <summary>1 for sequences, 2 for images.</summary>
    protected abstract int SpatialAxes { get; }

    /// <summary>True for cropping, false for zero padding.</summary>
    protected abstract bool Crops { get; }

    /// <summary>Keras's default, as written in the flat form.</summary>
    protected abstract int[] Default { get; }

    private string Argument => Crops ? "Cropping" : "Padding";

    protected override MarginsConfig? Parse(LayerArguments a)
    {
        string example = SpatialAxes == 1 ? $"[{KerasClassName}(1)] or [{KerasClassName}(1, 2)]" : $"[{KerasClassName}(1)], [{KerasClassName}(1, 2)] or [{KerasClassName}(1, 2, 3, 4)]";
        int[]? m = a.Margins(Argument, SpatialAxes, Default, example);
        return m is null ? null : new MarginsConfig(m[0], m[1], m[2], m[3]);
    }

    protected override void Infer(MarginsConfig c, LayerInference layer)
    {
        if (!SpatialInputs.Require(layer, SpatialAxes, KerasClassName))
        {
            return;
        }

        int[] dims = layer.Input.Dims.ToArray();
        int sign = Crops ? -1 : 1;
        if (SpatialAxes == 2)
        {
            dims[0] += sign * (c.Top + c.Bottom);
        }

        dims[SpatialAxes - 1] += sign * (c.Left + c.Right);
        if (Crops && (dims[0] < 1 || dims[SpatialAxes - 1] < 1))
        {
            string removed = SpatialAxes == 1 ? $"{c.Left} + {c.Right} of its {layer.Input[0]} steps" : $"{c.Top} + {c.Bottom} of its {layer.Input[0]} rows and {c.Left} + {c.Right} of its {layer.Input[1]} columns";
            layer.Error(ErrorKind.NonPositiveDimension, Argument, $"{layer.Title} would crop {removed}, leaving {Shape.Of(dims)}. Crop less than the input's size on each axis (Keras requires it too).");
            return;
        }

        layer.SetOutput(Shape.Of(dims), Argument);
    }

    protected override void Lower(MarginsConfig c, LayerLowering l)
    {
        if (c.IsEmpty)
        {
            l.Describe("no margins: no work");
            l.AliasInput();
            return;
        }

        Shape x = l.InputShape();
        OpArg height = OpArg.Int(SpatialAxes == 1 ? 1 : x[0]), width = OpArg.Int(x[SpatialAxes - 1]), channels = OpArg.Int(x.Last);
        OpArg margins = l.Field("_margins", $"{LayerLowering.Kernels}SpatialMargins", $"new({c.Top}, {c.Bottom}, {c.Left}, {c.Right})", $"{l.Layer.Path}'s margins (top, bottom, left, right)");
        string kernel = LayerLowering.Kernels + (Crops ? "CroppingKernel" : "ZeroPaddingKernel");
        l.Forward(kernel + ".Forward", OpArg.Batch, height, width, channels, margins, l.Input(), l.Output);
        if (l.NeedsInputGradient())
        {
            l.Backward(kernel + ".Backward", OpArg.Batch, height, width, channels, margins, l.OutputGradient, l.InputGradient(), l.Accumulate().Named("accumulate"));
        }
    }

    protected override void Export(MarginsConfig c, LayerLowering l)
    {
        string pads = SpatialAxes == 1 ? $"[({c.Left}, {c.Right})]" : $"[({c.Top}, {c.Bottom}), ({c.Left}, {c.Right})]";
        if (!Crops)
        {
            l.Export($"{LayerLowering.Onnx}ZeroPadding", LayerLowering.Graph, l.Name, l.InputName(), OpArg.Code(pads));
            return;
        }

        // ONNX Slice over the spatial axes (1, 2 after the batch): [start, end) of each.
        Shape x = l.InputShape();
        string starts = SpatialAxes == 1 ? $"{c.Left}" : $"{c.Top}, {c.Left}";
        string ends = SpatialAxes == 1 ? $"{x[0] - c.Right}" : $"{x[0] - c.Bottom}, {x[1] - c.Right}";
        string axes = SpatialAxes == 1 ? "1" : "1, 2";
        l.Export("graph.AddNode", OpArg.Code("\"Slice\""), l.Name, OpArg.Format("[{0}, {1}, {2}, {3}]", l.InputName(), Int64s(l, "starts", starts), Int64s(l, "ends", ends), Int64s(l, "axes", axes)));
    }

    /// <summary>An int64 vector initializer of the layer, <c>path/step</c>, read by its node.</summary>
    private static OpArg Int64s(LayerLowering l, string step, string values) =>
        OpArg.Code($"graph.AddInitializer(global::StaticKeras.Onnx.OnnxTensor.Int64Vector({LayerLowering.Literal(l.Layer.Path + "/" + step)}, [{values}]))");

    /// <summary>Keras's nested form: <c>[before, after]</c> for 1D, <c>[[top, bottom], [left, right]]</c> for 2D.</summary>
    protected override void ToKeras(MarginsConfig c, KerasConfigWriter k)
    {
        string key = Argument.ToLowerInvariant();
        string columns = KerasJson.Ints(new[] { c.Left, c.Right });
        k.Raw(key, SpatialAxes == 1 ? columns : KerasJson.Array(new[] { KerasJson.Ints(new[] { c.Top, c.Bottom }), columns }));
        if (SpatialAxes == 2)
        {
            k.Text("data_format", "channels_last");
        }
    }

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.NestedInts(Argument.ToLowerInvariant(), Argument);
        k.MustBe("data_format", "channels_last");
    }
}
