using System;

namespace StaticKeras.Onnx;

/// <summary>
/// Keras's weight layouts (keras/src/layers/.../*.py <c>build</c>) rewritten into ONNX's
/// (onnx/docs/Operators.md). A Dense kernel <c>(in, units)</c> needs none: it is Gemm's and
/// MatMul's <c>B</c> as it is.
/// </summary>
public static class KerasLayouts
{
    /// <summary>
    /// A Conv kernel <c>(k_1, ..., k_n, in/groups, filters)</c> (keras/src/layers/convolutional/base_conv.py)
    /// as ONNX Conv's <c>W</c> <c>(filters, in/groups, k_1, ..., k_n)</c>: OIHW for Conv2D.
    /// </summary>
    /// <exception cref="ArgumentException">The kernel's length is not the product of the sizes.</exception>
    public static float[] ConvKernel(ReadOnlySpan<float> kernel, ReadOnlySpan<int> kernelSize, int inputsPerGroup, int filters)
    {
        int window = Volume(kernelSize);
        CheckLength(kernel, (long)window * inputsPerGroup * filters, "Conv kernel");
        var result = new float[kernel.Length];
        for (int s = 0; s < window; s++)
        {
            for (int c = 0; c < inputsPerGroup; c++)
            {
                for (int f = 0; f < filters; f++)
                {
                    result[(((f * inputsPerGroup) + c) * window) + s] = kernel[(((s * inputsPerGroup) + c) * filters) + f];
                }
            }
        }

        return result;
    }

    /// <summary>
    /// A ConvTranspose kernel <c>(k_1, ..., k_n, filters, in)</c> (keras/src/layers/convolutional/base_conv_transpose.py)
    /// as ONNX ConvTranspose's <c>W</c> <c>(in, filters, k_1, ..., k_n)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The kernel's length is not the product of the sizes.</exception>
    public static float[] ConvTransposeKernel(ReadOnlySpan<float> kernel, ReadOnlySpan<int> kernelSize, int filters, int inputs)
    {
        int window = Volume(kernelSize);
        CheckLength(kernel, (long)window * filters * inputs, "ConvTranspose kernel");
        var result = new float[kernel.Length];
        for (int s = 0; s < window; s++)
        {
            for (int f = 0; f < filters; f++)
            {
                for (int c = 0; c < inputs; c++)
                {
                    result[(((c * filters) + f) * window) + s] = kernel[(((s * filters) + f) * inputs) + c];
                }
            }
        }

        return result;
    }

    /// <summary>
    /// An LSTM's kernel <c>(in, 4u)</c>, recurrent kernel <c>(u, 4u)</c> and bias <c>(4u)</c>, gate
    /// blocks i, f, c, o (keras/src/layers/rnn/lstm.py), as ONNX LSTM's W, R and B, gate blocks
    /// i, o, f, c, transposed to <c>(gates·units, in)</c>; the recurrent biases are zero. An
    /// empty <paramref name="bias"/> (<c>use_bias=False</c>) gives zero biases.
    /// </summary>
    public static RecurrentWeights Lstm(ReadOnlySpan<float> kernel, ReadOnlySpan<float> recurrentKernel, ReadOnlySpan<float> bias, int inputs, int units) =>
        Recurrent(kernel, recurrentKernel, bias, inputs, units, LstmGates, recurrentBias: false, "LSTM");

    /// <summary>
    /// A GRU's kernel <c>(in, 3u)</c>, recurrent kernel <c>(u, 3u)</c> and bias, gate blocks z, r, h
    /// (keras/src/layers/rnn/gru.py), as ONNX GRU's W, R and B (the same gate order). With
    /// <paramref name="resetAfter"/> (Keras's default) the bias is <c>(2, 3u)</c>, input biases
    /// then recurrent biases, and ONNX needs <c>linear_before_reset=1</c>; without it the bias is
    /// <c>(3u)</c> and the recurrent biases are zero.
    /// </summary>
    public static RecurrentWeights Gru(ReadOnlySpan<float> kernel, ReadOnlySpan<float> recurrentKernel, ReadOnlySpan<float> bias, int inputs, int units, bool resetAfter) =>
        Recurrent(kernel, recurrentKernel, bias, inputs, units, GruGates, recurrentBias: resetAfter, "GRU");

    /// <summary>
    /// Keras's <c>'same'</c> padding of one spatial dimension (keras/src/ops/operation_utils.py,
    /// <c>compute_conv_output_shape</c>; TensorFlow's rule): the output has <c>ceil(in / stride)</c>
    /// positions, the padding is what that needs, and the odd pixel goes at the end.
    /// </summary>
    public static (int Begin, int End) SamePadding(int input, int kernel, int stride, int dilation)
    {
        int output = ((input - 1) / stride) + 1;
        int total = Math.Max(0, ((output - 1) * stride) + ((kernel - 1) * dilation) + 1 - input);
        return (total / 2, total - (total / 2));
    }

    // For each ONNX gate block, the Keras block it comes from.
    private static readonly int[] LstmGates = [0, 3, 1, 2]; // ONNX i, o, f, c  <-  Keras i, f, c, o
    private static readonly int[] GruGates = [0, 1, 2];     // ONNX z, r, h  <-  Keras z, r, h

    private static RecurrentWeights Recurrent(ReadOnlySpan<float> kernel, ReadOnlySpan<float> recurrentKernel, ReadOnlySpan<float> bias, int inputs, int units, int[] gates, bool recurrentBias, string layer)
    {
        int width = gates.Length * units;
        CheckLength(kernel, (long)inputs * width, layer + " kernel");
        CheckLength(recurrentKernel, (long)units * width, layer + " recurrent kernel");
        if (!bias.IsEmpty)
        {
            CheckLength(bias, recurrentBias ? 2L * width : width, layer + " bias");
        }

        var b = new float[2 * width];
        for (int g = 0; g < gates.Length; g++)
        {
            for (int j = 0; j < units; j++)
            {
                int from = (gates[g] * units) + j, to = (g * units) + j;
                if (!bias.IsEmpty)
                {
                    b[to] = bias[from];
                    b[width + to] = recurrentBias ? bias[width + from] : 0f;
                }
            }
        }

        return new RecurrentWeights(Transposed(kernel, inputs, units, gates), Transposed(recurrentKernel, units, units, gates), b);
    }

    /// <summary>Keras's <c>(rows, gates·units)</c> as ONNX's <c>(gates·units, rows)</c>, gate blocks reordered.</summary>
    private static float[] Transposed(ReadOnlySpan<float> weights, int rows, int units, int[] gates)
    {
        int width = gates.Length * units;
        var result = new float[weights.Length];
        for (int g = 0; g < gates.Length; g++)
        {
            for (int j = 0; j < units; j++)
            {
                for (int k = 0; k < rows; k++)
                {
                    result[(((g * units) + j) * rows) + k] = weights[(k * width) + (gates[g] * units) + j];
                }
            }
        }

        return result;
    }

    private static int Volume(ReadOnlySpan<int> sizes)
    {
        int volume = 1;
        foreach (int size in sizes)
        {
            volume *= size;
        }

        return volume;
    }

    private static void CheckLength(ReadOnlySpan<float> values, long expected, string what)
    {
        if (values.Length != expected)
        {
            throw new ArgumentException($"The {what} holds {values.Length} values, but its shape needs {expected}.", nameof(values));
        }
    }
}
