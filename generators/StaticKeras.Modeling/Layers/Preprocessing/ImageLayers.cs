using System.Collections.Generic;
using System.Globalization;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Preprocessing;

/// <summary>
/// What Keras's affine augmentation layers share (RandomRotation, RandomTranslation, RandomZoom):
/// <c>fill_mode</c>, <c>interpolation</c>, <c>fill_value</c> and the layer's seed.
/// </summary>
internal sealed record SamplingConfig(string FillMode, string Interpolation, double FillValue, int Seed)
{
    /// <summary>Reads the four arguments with Keras's defaults (reflect, bilinear, 0, the model's stream).</summary>
    public static SamplingConfig Parse(LayerArguments a)
    {
        double fill = a.Number("FillValue", 0);
        a.FloatsAreFinite("FillValue", fill);
        return new(a.Choice("FillMode", "reflect", "reflect", "wrap", "constant", "nearest"), a.Choice("Interpolation", "bilinear", "bilinear", "nearest"), fill, a.Int("Seed", 0));
    }

    /// <summary>For the layer's comment line: <c>fill reflect, bilinear</c>.</summary>
    public string Describe() => $"fill {FillMode}{(FillMode == "constant" ? " " + LayerArguments.Format(FillValue) : string.Empty)}, {Interpolation}";

    /// <summary>The four members in a Keras config, as the affine layers' <c>get_config</c> writes them.</summary>
    public void ToKeras(Keras.KerasConfigWriter k) =>
        k.Text("fill_mode", FillMode).Text("interpolation", Interpolation).Seed("seed", Seed).Float("fill_value", FillValue);
}

/// <summary>Checks and lowerings the image augmentation layers share.</summary>
internal static class ImageLayers
{
    /// <summary>
    /// Accepts a channels-last image <c>(height, width, channels)</c> and passes it through;
    /// anything else is reported (Keras's layers take rank-3 images per sample).
    /// </summary>
    public static void InferImage(LayerInference layer)
    {
        if (layer.Input.Rank != 3)
        {
            layer.Error(ErrorKind.IncompatibleInput, null, $"{layer.Title} needs images (None, height, width, channels), but its input is {layer.Input}. Declare the input as [Input(height, width, channels)] (a Reshape before it works too).");
            return;
        }

        layer.SetOutput(layer.Input);
    }

    /// <summary>At inference, and when it would do nothing, the layer is a view of its input (Keras's <c>training=False</c>).</summary>
    public static bool AliasUnlessTraining(LayerLowering l, bool identity)
    {
        if (l.Training && !identity)
        {
            return false;
        }

        l.Describe(l.Training ? "the identity here: no work" : "the identity at inference: no work");
        l.AliasInput();
        return true;
    }

    /// <summary>
    /// The training lowering of an affine layer: draw each image's map with
    /// <c>ImageTransforms.<paramref name="draw"/></c>, resample, and resample the gradient back.
    /// </summary>
    public static void LowerAffine(LayerLowering l, SamplingConfig s, string draw, IEnumerable<OpArg> ranges)
    {
        Shape shape = l.OutputShape;
        OpArg height = OpArg.Int(shape[0]), width = OpArg.Int(shape[1]), channels = OpArg.Int(shape[2]);
        OpArg transform = l.Buffer("transform", 6, "each image's affine map: output pixel -> input point (a0, a1, a2, b0, b1, b2)");
        var drawArgs = new List<OpArg> { transform, OpArg.Batch, height, width };
        drawArgs.AddRange(ranges);
        drawArgs.Add(l.Random(s.Seed));
        OpArg fill = OpArg.Code(LayerLowering.Kernels + "FillMode." + Pascal(s.FillMode));
        OpArg interpolation = OpArg.Code(LayerLowering.Kernels + "Interpolation." + Pascal(s.Interpolation));
        l.Forward($"{LayerLowering.Kernels}ImageTransforms.{draw}", drawArgs.ToArray());
        l.Forward($"{LayerLowering.Kernels}AffineTransformKernel.Forward", l.Input(), l.Output, transform, OpArg.Batch, height, width, channels, fill, interpolation, OpArg.Float(s.FillValue).Named("fillValue"));
        if (l.NeedsInputGradient())
        {
            l.Backward($"{LayerLowering.Kernels}AffineTransformKernel.Backward", l.OutputGradient, l.InputGradient(), transform, OpArg.Batch, height, width, channels, fill, interpolation, l.Accumulate().Named("accumulate"));
        }
    }

    /// <summary>A factor range for a layer's comment line.</summary>
    public static string Range((double Lower, double Upper) r) =>
        "[" + r.Lower.ToString("R", CultureInfo.InvariantCulture) + ", " + r.Upper.ToString("R", CultureInfo.InvariantCulture) + "]";

    private static string Pascal(string keras) => char.ToUpperInvariant(keras[0]) + keras.Substring(1);
}
