using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Kernels;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Normalization.adapt(data)</c> for a model's <c>[Normalization]</c> layer: the mean and
/// variance of the data on each index of the kept axes, reduced over the batch and every other axis
/// (NumPy's <c>mean</c> and <c>var</c>, population variance), written into the layer's
/// non-trainable weights <c>mean</c>, <c>variance</c> and <c>count</c>.
/// </summary>
public static class NormalizationAdapt
{
    /// <summary>Adapts a Normalization layer to <paramref name="data"/>, as Keras's <c>layer.adapt(data)</c>; call it before training.</summary>
    /// <param name="model">The model holding the layer.</param>
    /// <param name="data">Samples of the layer's input, row-major: N × the layer's input size (for a layer right after <c>[Input]</c>, the training features).</param>
    /// <param name="layer">The layer's name; may be left out when the model has one adaptable Normalization layer.</param>
    /// <param name="axis">
    /// The layer's <c>Axis</c> (Keras's numbering), needed only when it is not the default and the
    /// input has several axes of the kept size; otherwise read from the weights' shape (a tie goes
    /// to the trailing axes, as the default <c>-1</c>).
    /// </param>
    /// <remarks>
    /// <c>count</c> receives the number of values reduced per statistic, as Keras 2 kept it (Keras 3
    /// keeps the weight for old files and leaves it 0). Statistics are accumulated in double.
    /// </remarks>
    /// <exception cref="ArgumentException">No such layer, the data is not a whole number of samples, or the axes do not fit; the message says which and how to fix it.</exception>
    public static void Adapt(this Model model, ReadOnlySpan<float> data, string? layer = null, int[]? axis = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        LayerDescription target = Find(model, layer);
        int[] shape = target.OutputShape;
        Span<float> mean = model.GetWeight(target.Name + "/mean"), variance = model.GetWeight(target.Name + "/variance");
        int size = Product(shape);
        if (data.Length == 0 || data.Length % size != 0)
        {
            throw new ArgumentException($"Normalization '{target.Name}' reads samples of shape {ModelDefinition.FormatShape(shape)} = {size} values, but the data has {data.Length} values, not a whole number of samples.", nameof(data));
        }

        int[] keptShape = KeptShape(model, target, shape, axis);
        var layout = new KeptAxes(shape, keptShape);
        var sums = new double[layout.Kept];
        var squares = new double[layout.Kept];
        int samples = data.Length / size;
        Accumulate(data, layout, sums, null, size);
        for (int k = 0; k < sums.Length; k++)
        {
            sums[k] /= (double)samples * size / layout.Kept;
        }

        Accumulate(data, layout, squares, sums, size);
        double count = (double)samples * size / layout.Kept;
        for (int k = 0; k < sums.Length; k++)
        {
            mean[k] = (float)sums[k];
            variance[k] = (float)(squares[k] / count);
        }

        model.GetWeight(target.Name + "/count")[0] = (float)count;
    }

    /// <summary>Sums per statistic of the values (no <paramref name="center"/>) or of their squared distance from it.</summary>
    private static void Accumulate(ReadOnlySpan<float> data, KeptAxes layout, double[] totals, double[]? center, int size)
    {
        for (int i = 0; i < data.Length; i++)
        {
            int k = layout.StatisticOf(i % size);
            double v = data[i];
            totals[k] += center is null ? v : (v - center[k]) * (v - center[k]);
        }
    }

    private static LayerDescription Find(Model model, string? name)
    {
        var candidates = model.Definition.Layers.Where(l => l.ClassName == "Normalization" && HasWeight(model, l.Name + "/mean")).ToList();
        if (name is not null)
        {
            return candidates.FirstOrDefault(l => l.Name == name)
                ?? throw new ArgumentException($"Model '{model.Name}' has no adaptable Normalization layer '{name}'; it has {Names(candidates)}. (A Normalization given Mean and Variance has nothing to adapt.)", nameof(name));
        }

        return candidates.Count == 1
            ? candidates[0]
            : throw new ArgumentException($"Model '{model.Name}' has {candidates.Count} adaptable Normalization layers ({Names(candidates)}); name the one to adapt: model.Adapt(x, layer: \"normalization\").", nameof(name));
    }

    /// <summary>The sample shape with 1 on every reduced axis, from <paramref name="axis"/> or from the mean's shape.</summary>
    private static int[] KeptShape(Model model, LayerDescription target, int[] shape, int[]? axis)
    {
        int[] meanShape = model.Definition.Weights.First(w => w.Path == target.Name + "/mean").Shape;
        List<int[]> candidates = axis is null ? Subsequences(shape, meanShape) : [SampleAxes(axis, shape.Length)];
        int[]? kept = candidates.LastOrDefault(c => c.Length == meanShape.Length && c.Select(a => shape[a]).SequenceEqual(meanShape));
        if (kept is null)
        {
            throw new ArgumentException($"Normalization '{target.Name}' keeps statistics of shape {ModelDefinition.FormatShape(meanShape)} over its input {ModelDefinition.FormatShape(shape, "None")}; axis [{string.Join(", ", axis ?? [])}] does not select that. Pass the layer's Axis as declared.", nameof(axis));
        }

        var result = new int[shape.Length];
        for (int a = 0; a < shape.Length; a++)
        {
            result[a] = kept.Contains(a) ? shape[a] : 1;
        }

        return result;
    }

    private static int[] SampleAxes(int[] axis, int rank) =>
        axis.Select(a => a < 0 ? rank + a : a - 1).Where(a => a >= 0 && a < rank).Distinct().OrderBy(a => a).ToArray();

    /// <summary>Every increasing choice of axes whose dimensions are <paramref name="dims"/>, in lexicographic order.</summary>
    private static List<int[]> Subsequences(int[] shape, int[] dims)
    {
        var found = new List<int[]>();
        void Walk(int from, List<int> chosen)
        {
            if (chosen.Count == dims.Length)
            {
                found.Add(chosen.ToArray());
                return;
            }

            for (int a = from; a < shape.Length; a++)
            {
                if (shape[a] == dims[chosen.Count])
                {
                    chosen.Add(a);
                    Walk(a + 1, chosen);
                    chosen.RemoveAt(chosen.Count - 1);
                }
            }
        }

        Walk(0, []);
        return found;
    }

    private static bool HasWeight(Model model, string path) => model.Definition.Weights.Any(w => w.Path == path);

    private static string Names(List<LayerDescription> layers) => layers.Count == 0 ? "none" : string.Join(", ", layers.Select(l => "'" + l.Name + "'"));

    private static int Product(int[] shape)
    {
        int size = 1;
        foreach (int d in shape)
        {
            size *= d;
        }

        return size;
    }
}
