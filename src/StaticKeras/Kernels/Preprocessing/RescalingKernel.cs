using System;
using System.Numerics.Tensors;

namespace StaticKeras.Kernels;

/// <summary>Keras's <c>Rescaling</c>: <c>y = x · scale + offset</c> (keras/src/layers/preprocessing/rescaling.py).</summary>
public static class RescalingKernel
{
    /// <summary>Writes <c>y = x · scale + offset</c>.</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, float scale, float offset)
    {
        // Two roundings, as Keras's inputs * scale + offset.
        TensorPrimitives.Multiply(x, scale, y);
        TensorPrimitives.Add(y, offset, y);
    }

    /// <summary><c>dx (+)= dy · scale</c>.</summary>
    public static void Backward(ReadOnlySpan<float> dy, Span<float> dx, float scale, bool accumulate)
    {
        if (accumulate)
        {
            TensorPrimitives.MultiplyAdd(dy, scale, dx, dx);
        }
        else
        {
            TensorPrimitives.Multiply(dy, scale, dx);
        }
    }
}
