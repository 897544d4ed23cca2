using System;
using System.Numerics.Tensors;

namespace StaticKeras.Kernels;

/// <summary>The merge layers Add and Multiply, and gradient routing, over whole buffers.</summary>
public static class ElementwiseKernel
{
    /// <summary><c>y = a + b</c>.</summary>
    public static void Add(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y) => TensorPrimitives.Add(a, b, y);

    /// <summary><c>y = a · b</c>.</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y) => TensorPrimitives.Multiply(a, b, y);

    /// <summary><c>destination = source</c>.</summary>
    public static void Copy(ReadOnlySpan<float> source, Span<float> destination) => source.CopyTo(destination);

    /// <summary>Passes a gradient on: <c>destination = gradient</c>, or <c>destination += gradient</c>.</summary>
    public static void Route(ReadOnlySpan<float> gradient, Span<float> destination, bool accumulate)
    {
        if (accumulate)
        {
            TensorPrimitives.Add(destination, gradient, destination);
        }
        else
        {
            gradient.CopyTo(destination);
        }
    }

    /// <summary>Gradient of a product through one factor: <c>destination (+)= gradient · other</c>.</summary>
    public static void MultiplyBackward(ReadOnlySpan<float> gradient, ReadOnlySpan<float> other, Span<float> destination, bool accumulate)
    {
        if (accumulate)
        {
            TensorPrimitives.MultiplyAdd(gradient, other, destination, destination);
        }
        else
        {
            TensorPrimitives.Multiply(gradient, other, destination);
        }
    }
}
