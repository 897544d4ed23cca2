using System;
using System.Numerics.Tensors;

namespace StaticKeras.Kernels;

/// <summary>
/// Softmax and log-softmax over one axis of a <c>(outer, axis, inner)</c> buffer, stable for any
/// finite input: each slice's maximum is subtracted before the exponential (TensorPrimitives'
/// SoftMax does not, so 1000, 1001, 1002 gave NaN). <c>inner = 1</c> is the last axis, the common
/// case, and runs on whole contiguous rows.
/// </summary>
public static class SoftmaxKernel
{
    /// <summary><c>y = exp(x − max) / Σ exp(x − max)</c> along the axis; <paramref name="y"/> may be <paramref name="x"/>.</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int outer, int axis, int inner)
    {
        if (inner == 1)
        {
            for (int r = 0; r < outer; r++)
            {
                ReadOnlySpan<float> row = x.Slice(r * axis, axis);
                Span<float> target = y.Slice(r * axis, axis);
                TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), target);
                TensorPrimitives.Exp(target, target);
                TensorPrimitives.Divide(target, TensorPrimitives.Sum(target), target);
            }

            return;
        }

        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int start = (o * axis * inner) + i;
                float max = Max(x, start, axis, inner);
                float sum = 0f;
                for (int a = 0; a < axis; a++)
                {
                    float e = MathF.Exp(x[start + (a * inner)] - max);
                    y[start + (a * inner)] = e;
                    sum += e;
                }

                for (int a = 0; a < axis; a++)
                {
                    y[start + (a * inner)] /= sum;
                }
            }
        }
    }

    /// <summary><c>dx = y · (dy − Σ dy·y)</c> along the axis; <paramref name="dx"/> may be <paramref name="dy"/>.</summary>
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int outer, int axis, int inner)
    {
        if (inner == 1)
        {
            for (int r = 0; r < outer; r++)
            {
                ReadOnlySpan<float> yr = y.Slice(r * axis, axis);
                float dot = TensorPrimitives.Dot(yr, dy.Slice(r * axis, axis));
                Span<float> target = dx.Slice(r * axis, axis);
                TensorPrimitives.Subtract(dy.Slice(r * axis, axis), dot, target);
                TensorPrimitives.Multiply(target, yr, target);
            }

            return;
        }

        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int start = (o * axis * inner) + i;
                float dot = 0f;
                for (int a = 0; a < axis; a++)
                {
                    dot += y[start + (a * inner)] * dy[start + (a * inner)];
                }

                for (int a = 0; a < axis; a++)
                {
                    int k = start + (a * inner);
                    dx[k] = y[k] * (dy[k] - dot);
                }
            }
        }
    }

    /// <summary><c>y = x − max − log Σ exp(x − max)</c> along the axis.</summary>
    public static void LogForward(ReadOnlySpan<float> x, Span<float> y, int outer, int axis, int inner)
    {
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int start = (o * axis * inner) + i;
                float max = Max(x, start, axis, inner);
                double sum = 0;
                for (int a = 0; a < axis; a++)
                {
                    sum += Math.Exp(x[start + (a * inner)] - max);
                }

                float shift = max + (float)Math.Log(sum);
                for (int a = 0; a < axis; a++)
                {
                    y[start + (a * inner)] = x[start + (a * inner)] - shift;
                }
            }
        }
    }

    /// <summary><c>dx = dy − exp(y) · Σ dy</c> along the axis (<c>exp(y)</c> is the softmax).</summary>
    public static void LogBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int outer, int axis, int inner)
    {
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int start = (o * axis * inner) + i;
                float sum = 0f;
                for (int a = 0; a < axis; a++)
                {
                    sum += dy[start + (a * inner)];
                }

                for (int a = 0; a < axis; a++)
                {
                    int k = start + (a * inner);
                    dx[k] = dy[k] - (MathF.Exp(y[k]) * sum);
                }
            }
        }
    }

    private static float Max(ReadOnlySpan<float> x, int start, int axis, int inner)
    {
        float max = float.NegativeInfinity;
        for (int a = 0; a < axis; a++)
        {
            max = MathF.Max(max, x[start + (a * inner)]);
        }

        return max;
    }
}
