using System;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace StaticKeras.Kernels;

/// <summary>
/// Activations in place on a <c>(rows, cols)</c> buffer, and their backward passes computed from
/// the activation's output <c>y</c> (every activation here has a derivative expressible in
/// <c>y</c>, so the pre-activation need not be kept).
/// </summary>
public static class ActivationKernel
{
    /// <summary>Applies <paramref name="activation"/> to <paramref name="values"/> in place.</summary>
    public static void Forward(Activation activation, Span<float> values, int rows, int cols)
    {
        switch (activation)
        {
            case Activation.Linear:
                break;
            case Activation.Relu:
                TensorPrimitives.Max(values, 0f, values);
                break;
            case Activation.Sigmoid:
                TensorPrimitives.Sigmoid(values, values);
                break;
            case Activation.Tanh:
                TensorPrimitives.Tanh(values, values);
                break;
            case Activation.Softmax:
                for (int r = 0; r < rows; r++)
                {
                    Span<float> row = values.Slice(r * cols, cols);
                    TensorPrimitives.SoftMax(row, row);
                }

                break;
            default:
                throw ThrowHelper.UnknownActivation(activation);
        }
    }

    /// <summary>
    /// Turns <paramref name="gradient"/> from dL/dy into dL/dz in place, where y = activation(z).
    /// </summary>
    /// <remarks>Effectively computes relu: dy·[y&gt;0]; sigmoid: dy·y(1−y); tanh: dy(1−y²); softmax: y(dy − Σ dy·y) per row.</remarks>
    public static void Backward(Activation activation, ReadOnlySpan<float> output, Span<float> gradient, int rows, int cols)
    {
        switch (activation)
        {
            case Activation.Linear:
                break;
            case Activation.Relu:
                ReluBackward(output, gradient);
                break;
            case Activation.Sigmoid:
                for (int i = 0; i < gradient.Length; i++)
                {
                    float y = output[i];
                    gradient[i] *= y * (1f - y);
                }

                break;
            case Activation.Tanh:
                for (int i = 0; i < gradient.Length; i++)
                {
                    float y = output[i];
                    gradient[i] *= 1f - (y * y);
                }

                break;
            case Activation.Softmax:
                for (int r = 0; r < rows; r++)
                {
                    ReadOnlySpan<float> y = output.Slice(r * cols, cols);
                    Span<float> g = gradient.Slice(r * cols, cols);
                    float dot = TensorPrimitives.Dot(y, g);
                    TensorPrimitives.Subtract(g, dot, g);
                    TensorPrimitives.Multiply(g, y, g);
                }

                break;
            default:
                throw ThrowHelper.UnknownActivation(activation);
        }
    }

    private static void ReluBackward(ReadOnlySpan<float> output, Span<float> gradient)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= gradient.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                Vector512<float> y = Vector512.Create(output.Slice(i, Vector512<float>.Count));
                Vector512<float> g = Vector512.Create(gradient.Slice(i, Vector512<float>.Count));
                Vector512.ConditionalSelect(Vector512.GreaterThan(y, Vector512<float>.Zero), g, Vector512<float>.Zero).CopyTo(gradient.Slice(i));
            }
        }

        for (; i < gradient.Length; i++)
        {
            if (output[i] <= 0f)
            {
                gradient[i] = 0f;
            }
        }
    }
}
