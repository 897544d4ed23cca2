using System;

namespace StaticKeras.Modeling.Layers.Convolutional;

/// <summary>
/// The arithmetic of one spatial axis of a convolution, at compile time: Keras's padding modes as
/// zeros before and after, and the output length. The same formulas as the runtime's
/// <c>StaticKeras.Kernels.ConvPadding</c> (the generator cannot reference the runtime; a test holds
/// the two equal).
/// </summary>
internal static class ConvWindow
{
    /// <summary>The output length: <c>⌊(input + before + after − dilation·(kernel − 1) − 1) / stride⌋ + 1</c>, below 1 when the kernel does not fit.</summary>
    public static int OutputLength(int input, int kernel, int stride, int dilation, int before, int after)
    {
        long span = input + (long)before + after - ((long)dilation * (kernel - 1)) - 1;
        return span < 0 ? 0 : (int)(span / stride) + 1;
    }

    /// <summary>
    /// Zeros before and after for Keras's <c>valid</c> (none), <c>same</c> (<c>ceil(input / stride)</c>
    /// outputs, the odd zero after, as TensorFlow and XLA pad) and <c>causal</c> (all before).
    /// </summary>
    public static (int Before, int After) Padding(string mode, int input, int kernel, int stride, int dilation)
    {
        switch (mode)
        {
            case "same":
                int output = ((input - 1) / stride) + 1;
                int total = Math.Max(0, ((output - 1) * stride) + (dilation * (kernel - 1)) + 1 - input);
                return (total / 2, total - (total / 2));
            case "causal":
                return (dilation * (kernel - 1), 0);
            default:
                return (0, 0);
        }
    }

    /// <summary>
    /// One axis of Conv2DTranspose: its output length (keras/src/backend/common/backend_utils.py,
    /// <c>_get_output_shape_given_tf_padding</c>) and the padding of the adjoint convolution.
    /// </summary>
    public static (int Output, int Before, int After) Transpose(int input, int kernel, int stride, int dilation, bool same, int? outputPadding)
    {
        int effective = (dilation * (kernel - 1)) + 1;
        int left, right;
        if (!same)
        {
            int extra = outputPadding ?? (Math.Max(effective, stride) - effective);
            left = effective - 1;
            right = effective - 1 + extra;
        }
        else
        {
            int total = outputPadding is int p ? effective + (effective % 2) - 2 + p : stride + effective - 2;
            left = Math.Min((total / 2) + (total % 2), effective - 1);
            right = total - left;
        }

        int length = ((input - 1) * stride) + 1 + left + right - effective + 1;
        return (length, effective - 1 - left, effective - 1 - right);
    }
}
