using System;
using System.Numerics.Tensors;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's <c>Normalization</c> (keras/src/layers/preprocessing/normalization.py, <c>call</c>):
/// <c>y = (x − mean) / max(√variance, ε)</c>, or with <c>invert</c> <c>y = mean + x · max(√variance, ε)</c>,
/// ε = 1e−7 (Keras's <c>backend.epsilon()</c>), one mean and variance per index of the kept axes.
/// </summary>
public static class NormalizationKernel
{
    /// <summary>Keras's <c>backend.epsilon()</c>, the smallest standard deviation divided by.</summary>
    public const float Epsilon = 1e-7f;

    /// <summary>Normalizes a batch.</summary>
    /// <param name="x">The batch, <c>(batch, shape...)</c>.</param>
    /// <param name="mean">One mean per kept index.</param>
    /// <param name="variance">One variance per kept index.</param>
    /// <param name="y">The output, as x.</param>
    /// <param name="std">Scratch of one float per kept index: receives <c>max(√variance, ε)</c>.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="shape">The sample shape.</param>
    /// <param name="keptShape">The sample shape with 1 on every reduced axis.</param>
    /// <param name="invert">True for the inverse transform.</param>
    public static void Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> mean, ReadOnlySpan<float> variance, Span<float> y, Span<float> std, int batch, ReadOnlySpan<int> shape, ReadOnlySpan<int> keptShape, bool invert)
    {
        var layout = new KeptAxes(shape, keptShape);
        StandardDeviation(variance, std, layout.Kept);
        ReadOnlySpan<float> m = mean.Slice(0, layout.Kept), s = std.Slice(0, layout.Kept);
        if (!layout.Adjacent)
        {
            for (int i = 0; i < batch * layout.SampleSize; i++)
            {
                int k = layout.StatisticOf(i % layout.SampleSize);
                y[i] = invert ? m[k] + (x[i] * s[k]) : (x[i] - m[k]) / s[k];
            }

            return;
        }

        int rows = batch * layout.Outer, block = layout.Kept * layout.Inner;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> xRow = x.Slice(r * block, block);
            Span<float> yRow = y.Slice(r * block, block);
            if (layout.Inner == 1 && invert)
            {
                TensorPrimitives.Multiply(xRow, s, yRow);
                TensorPrimitives.Add(yRow, m, yRow);
            }
            else if (layout.Inner == 1)
            {
                TensorPrimitives.Subtract(xRow, m, yRow);
                TensorPrimitives.Divide(yRow, s, yRow);
            }
            else
            {
                for (int k = 0; k < layout.Kept; k++)
                {
                    Affine(xRow.Slice(k * layout.Inner, layout.Inner), yRow.Slice(k * layout.Inner, layout.Inner), m[k], s[k], invert);
                }
            }
        }
    }

    /// <summary>
    /// <c>dx (+)= dy / max(√variance, ε)</c>, or <c>dy · max(√variance, ε)</c> for the inverse: the
    /// statistics are constants of the layer (adapted before training, never trained).
    /// </summary>
    public static void Backward(ReadOnlySpan<float> dy, ReadOnlySpan<float> variance, Span<float> dx, Span<float> std, int batch, ReadOnlySpan<int> shape, ReadOnlySpan<int> keptShape, bool invert, bool accumulate)
    {
        var layout = new KeptAxes(shape, keptShape);
        StandardDeviation(variance, std, layout.Kept);
        for (int i = 0; i < batch * layout.SampleSize; i++)
        {
            float s = std[layout.Adjacent ? (i / layout.Inner) % layout.Kept : layout.StatisticOf(i % layout.SampleSize)];
            float g = invert ? dy[i] * s : dy[i] / s;
            dx[i] = accumulate ? dx[i] + g : g;
        }
    }

    private static void StandardDeviation(ReadOnlySpan<float> variance, Span<float> std, int kept)
    {
        Span<float> s = std.Slice(0, kept);
        TensorPrimitives.Sqrt(variance.Slice(0, kept), s);
        TensorPrimitives.Max(s, Epsilon, s);
    }

    private static void Affine(ReadOnlySpan<float> x, Span<float> y, float mean, float std, bool invert)
    {
        if (invert)
        {
            TensorPrimitives.Multiply(x, std, y);
            TensorPrimitives.Add(y, mean, y);
        }
        else
        {
            TensorPrimitives.Subtract(x, mean, y);
            TensorPrimitives.Divide(y, std, y);
        }
    }
}
