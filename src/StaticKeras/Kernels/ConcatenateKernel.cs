using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Concatenation as strided block copies: the output is <c>outer</c> blocks of
/// <c>outputInner</c> values, and each input fills <c>inputInner</c> of them at an offset.
/// </summary>
public static class ConcatenateKernel
{
    /// <summary>Copies one input into its slot of every output block.</summary>
    public static void Forward(ReadOnlySpan<float> input, Span<float> output, int outer, int inputInner, int outputInner, int offset)
    {
        for (int o = 0; o < outer; o++)
        {
            input.Slice(o * inputInner, inputInner).CopyTo(output.Slice((o * outputInner) + offset, inputInner));
        }
    }

    /// <summary>Routes one input's share of the output gradient back to it.</summary>
    public static void Backward(ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int outer, int inputInner, int outputInner, int offset, bool accumulate)
    {
        for (int o = 0; o < outer; o++)
        {
            ElementwiseKernel.Route(outputGradient.Slice((o * outputInner) + offset, inputInner), inputGradient.Slice(o * inputInner, inputInner), accumulate);
        }
    }
}
