using System;

namespace StaticKeras.Kernels;

/// <summary>Keras's RepeatVector: <c>(batch, features)</c> becomes <c>(batch, n, features)</c>, each sample's vector n times; the backward pass sums the n copies.</summary>
public static unsafe class RepeatVectorKernel
{
    /// <summary><c>y[b, i, :] = x[b, :]</c> for <c>i &lt; n</c>.</summary>
    /// <param name="batch">Samples.</param>
    /// <param name="features">Features per sample.</param>
    /// <param name="n">Copies.</param>
    /// <param name="x">Input, <c>(batch, features)</c>.</param>
    /// <param name="y">Output, <c>(batch, n, features)</c>.</param>
    public static void Forward(int batch, int features, int n, ReadOnlySpan<float> x, Span<float> y)
    {
        Check(batch, features, n, x, y, nameof(x), nameof(y));
        for (int b = 0; b < batch; b++)
        {
            ReadOnlySpan<float> row = x.Slice(b * features, features);
            for (int i = 0; i < n; i++)
            {
                row.CopyTo(y.Slice(((b * n) + i) * features, features));
            }
        }
    }

    /// <summary><c>dx[b, :] (+)= Σ_i dy[b, i, :]</c>, the copies summed in order.</summary>
    /// <param name="batch">Samples.</param>
    /// <param name="features">Features per sample.</param>
    /// <param name="n">Copies.</param>
    /// <param name="dy">dL/dy.</param>
    /// <param name="dx">Receives dL/dx.</param>
    /// <param name="accumulate">Add to dx instead of overwriting it.</param>
    public static void Backward(int batch, int features, int n, ReadOnlySpan<float> dy, Span<float> dx, bool accumulate)
    {
        Check(batch, features, n, dx, dy, nameof(dx), nameof(dy));
        fixed (float* pdy = dy, pdx = dx)
        {
            for (int b = 0; b < batch; b++)
            {
                ChannelSums.Sum(pdy + ((nint)b * n * features), features, n, features, pdx + ((nint)b * features), accumulate);
            }
        }
    }

    private static void Check(int batch, int features, int n, ReadOnlySpan<float> vectors, ReadOnlySpan<float> repeated, string vectorsName, string repeatedName)
    {
        Conv2DKernel.CheckBatch(batch);
        GeometryChecks.RequirePositive(n, nameof(n), "RepeatVector");
        ThrowHelper.ThrowIfTooShort(vectors, (long)batch * features, vectorsName);
        ThrowHelper.ThrowIfTooShort(repeated, (long)batch * n * features, repeatedName);
    }
}
