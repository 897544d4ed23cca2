using System;
using System.Linq;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers;

/// <summary>
/// The input check of the channels-last spatial layers (pooling, padding, cropping, upsampling,
/// spatial dropout): sequences <c>(steps, channels)</c> for the 1D layers, images
/// <c>(height, width, channels)</c> for the 2D ones, as Keras's <c>InputSpec(ndim=...)</c>.
/// </summary>
internal static class SpatialInputs
{
    /// <summary>
    /// Accepts an input of <paramref name="spatialAxes"/> spatial axes and a channel axis; anything
    /// else is SK1004, naming the layer to insert (a Reshape that fits, or the layer of the other
    /// rank). Returns false when it reported.
    /// </summary>
    /// <param name="layer">The layer.</param>
    /// <param name="spatialAxes">1 for sequences, 2 for images.</param>
    /// <param name="kerasClassName">The layer's class, ending in 1D or 2D: the message suggests its sibling (<c>MaxPooling2D</c> for images).</param>
    public static bool Require(LayerInference layer, int spatialAxes, string kerasClassName)
    {
        Shape input = layer.Input;
        if (input.Rank == spatialAxes + 1)
        {
            return true;
        }

        string wanted = spatialAxes == 1 ? "sequences (None, steps, channels)" : "images (None, height, width, channels)";
        string reshape = $"insert [Reshape({string.Join(", ", Suggest(input, spatialAxes + 1))})] before it";
        string otherRank = kerasClassName.Substring(0, kerasClassName.Length - 2) + (spatialAxes == 1 ? "2D" : "1D");
        bool otherFits = input.Rank == (spatialAxes == 1 ? 3 : 2);
        string fix = otherFits ? $"Use [{otherRank}] for {(spatialAxes == 1 ? "images" : "sequences")}, or {reshape}" : char.ToUpperInvariant(reshape[0]) + reshape.Substring(1);
        layer.Error(ErrorKind.IncompatibleInput, null, $"{layer.Title} needs {wanted}, but its input is {input}. {fix}.");
        return false;
    }

    /// <summary>
    /// A shape of <paramref name="rank"/> axes with the input's values: a square one-channel image
    /// from a flat vector whose size is a square, else the input with trailing 1s (a channel) or
    /// with its leading axes merged.
    /// </summary>
    private static int[] Suggest(Shape input, int rank)
    {
        int[] dims = input.Dims.ToArray();
        if (dims.Length < rank)
        {
            int side = (int)Math.Round(Math.Sqrt(input.Size));
            if (dims.Length == 1 && rank == 3 && side * side == input.Size)
            {
                return new[] { side, side, 1 };
            }

            return dims.Concat(Enumerable.Repeat(1, rank - dims.Length)).ToArray();
        }

        int merged = dims.Take(dims.Length - rank + 1).Aggregate(1, (p, d) => p * d);
        return new[] { merged }.Concat(dims.Skip(dims.Length - rank + 1)).ToArray();
    }
}
