using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's <c>PReLU</c> layer: <c>x</c> from 0 on, <c>alpha · x</c> below, with alpha broadcast over
/// its shared axes (where its shape has a 1). Shapes are per sample, row-major.
/// </summary>
public static class PReluKernel
{
    /// <summary>Computes <c>y = x ≥ 0 ? x : alpha · x</c>.</summary>
    /// <param name="x">Input, <c>(batch, shape...)</c>.</param>
    /// <param name="alpha">The slopes, <c>alphaShape</c>.</param>
    /// <param name="y">Output, as x.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="shape">The sample shape.</param>
    /// <param name="alphaShape">Alpha's shape: the sample shape with 1 on shared axes.</param>
    public static void Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> alpha, Span<float> y, int batch, ReadOnlySpan<int> shape, ReadOnlySpan<int> alphaShape)
    {
        int size = x.Length / batch;
        for (int b = 0; b < batch; b++)
        {
            int start = b * size;
            for (int i = 0; i < size; i++)
            {
                float v = x[start + i];
                y[start + i] = v >= 0f ? v : alpha[AlphaIndex(i, shape, alphaShape)] * v;
            }
        }
    }

    /// <summary>Writes <c>dalpha = Σ dy · min(x, 0)</c> over the batch and the shared axes, and <c>dx (+)= dy · (x &gt; 0 ? 1 : alpha)</c>.</summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> alpha, ReadOnlySpan<float> dy, Span<float> dAlpha, Span<float> dx, int batch, ReadOnlySpan<int> shape, ReadOnlySpan<int> alphaShape, bool accumulate)
    {
        int size = x.Length / batch;
        dAlpha.Slice(0, alpha.Length).Clear();
        for (int b = 0; b < batch; b++)
        {
            int start = b * size;
            for (int i = 0; i < size; i++)
            {
                float v = x[start + i];
                int a = AlphaIndex(i, shape, alphaShape);
                if (v < 0f)
                {
                    dAlpha[a] += dy[start + i] * v;
                }

                if (!dx.IsEmpty)
                {
                    float g = dy[start + i] * (v > 0f ? 1f : alpha[a]);
                    dx[start + i] = accumulate ? dx[start + i] + g : g;
                }
            }
        }
    }

    /// <summary>The alpha element for position <paramref name="index"/> of a sample: its coordinates, with shared axes at 0.</summary>
    private static int AlphaIndex(int index, ReadOnlySpan<int> shape, ReadOnlySpan<int> alphaShape)
    {
        int result = 0, stride = 1;
        for (int axis = shape.Length - 1; axis >= 0; axis--)
        {
            int coordinate = index % shape[axis];
            index /= shape[axis];
            if (alphaShape[axis] != 1)
            {
                result += coordinate * stride;
            }

            stride *= alphaShape[axis];
        }

        return result;
    }
}
