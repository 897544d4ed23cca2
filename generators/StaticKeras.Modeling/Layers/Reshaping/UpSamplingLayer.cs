using StaticKeras.Modeling.Layers.Preprocessing;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Keras;

namespace StaticKeras.Modeling.Layers.Reshaping;

/// <summary>Keras's upsampling factors (rows, columns; a 1D layer's rows are 1) and interpolation.</summary>
internal sealed record UpSamplingConfig(int Rows, int Columns, bool Bilinear) : LayerConfig;

/// <summary>
/// UpSampling1D/2D: the spatial axes of a channels-last input enlarged by whole factors, lowered to
/// <c>UpSamplingKernel</c> (nearest repeats, bilinear resizes with half-pixel centres); a 1D layer
/// is a 2D one of height 1, and factors of 1 make the layer a view of its input.
/// </summary>
internal abstract class UpSamplingLayer : LayerDescriptor<UpSamplingConfig>
{
    /// <summary>1 for sequences, 2 for images.</summary>
    protected abstract int SpatialAxes { get; }

    protected override UpSamplingConfig? Parse(LayerArguments a)
    {
        int[]? size = a.PerAxis("Size", SpatialAxes, new[] { 2 }, 1, SpatialAxes == 1 ? "[UpSampling1D(2)]" : "[UpSampling2D(2)] or [UpSampling2D(2, 3)]");
        bool bilinear = Interpolation(a) == "bilinear";
        return size is null || a.Failed ? null : new UpSamplingConfig(SpatialAxes == 1 ? 1 : size[0], size[SpatialAxes - 1], bilinear);
    }

    protected override void Infer(UpSamplingConfig c, LayerInference layer)
    {
        if (!SpatialInputs.Require(layer, SpatialAxes, KerasClassName))
        {
            return;
        }

        int[] dims = System.Linq.Enumerable.ToArray(layer.Input.Dims);
        if (SpatialAxes == 2)
        {
            dims[0] *= c.Rows;
        }

        dims[SpatialAxes - 1] *= c.Columns;
        layer.SetOutput(Shape.Of(dims), "Size");
    }

    protected override void Lower(UpSamplingConfig c, LayerLowering l)
    {
        if (c.Rows == 1 && c.Columns == 1)
        {
            l.Describe("factors of 1: no work");
            l.AliasInput();
            return;
        }

        Shape x = l.InputShape();
        string method = c.Bilinear ? "Bilinear" : "Nearest";
        l.Describe((SpatialAxes == 1 ? $"x{c.Columns}" : $"x{c.Rows} x{c.Columns}") + ", " + method.ToLowerInvariant());
        OpArg[] geometry = { OpArg.Batch, OpArg.Int(SpatialAxes == 1 ? 1 : x[0]), OpArg.Int(x[SpatialAxes - 1]), OpArg.Int(x.Last), OpArg.Int(c.Rows), OpArg.Int(c.Columns) };
        string kernel = $"{LayerLowering.Kernels}UpSamplingKernel.{method}";
        l.Forward(kernel + "Forward", Concat(geometry, l.Input(), l.Output));
        if (l.NeedsInputGradient())
        {
            l.Backward(kernel + "Backward", Concat(geometry, l.OutputGradient, l.InputGradient(), l.Accumulate().Named("accumulate")));
        }
    }

    protected override void Export(UpSamplingConfig c, LayerLowering l)
    {
        string size = SpatialAxes == 1 ? $"[{c.Columns}]" : $"[{c.Rows}, {c.Columns}]";
        l.Export($"{LayerLowering.Onnx}UpSampling", LayerLowering.Graph, l.Name, l.InputName(), OpArg.Code(size), OpArg.Code(c.Bilinear ? "\"bilinear\"" : "\"nearest\""));
    }

    /// <summary>
    /// Keras lower-cases <c>interpolation</c> and resizes with any of <c>ops.image.resize</c>'s
    /// methods; StaticKeras has the two that have kernels.
    /// </summary>
    private string Interpolation(LayerArguments a)
    {
        if (SpatialAxes == 1)
        {
            return "nearest";
        }

        string value = a.Text("Interpolation", "nearest").ToLowerInvariant();
        if (value is "bicubic" or "lanczos3" or "lanczos5")
        {
            a.Error(ErrorKind.InvalidHyperparameter, "Interpolation", $"{a.Title}: Interpolation \"{value}\" is a Keras resize StaticKeras does not have; use \"nearest\" or \"bilinear\".");
            return "nearest";
        }

        return value is "nearest" or "bilinear" ? value : a.Choice("Interpolation", "nearest", "nearest", "bilinear");
    }

    private static OpArg[] Concat(OpArg[] first, params OpArg[] rest)
    {
        var all = new OpArg[first.Length + rest.Length];
        first.CopyTo(all, 0);
        rest.CopyTo(all, first.Length);
        return all;
    }

    protected override void ToKeras(UpSamplingConfig c, KerasConfigWriter k)
    {
        if (SpatialAxes == 1)
        {
            k.Int("size", c.Columns);
            return;
        }

        k.Ints("size", new[] { c.Rows, c.Columns }).Text("data_format", "channels_last").Text("interpolation", c.Bilinear ? "bilinear" : "nearest");
    }

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Ints("size", "Size");
        k.MustBe("data_format", "channels_last");
        k.Text("interpolation", "Interpolation");
    }
}
