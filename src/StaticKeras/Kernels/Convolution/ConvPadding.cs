using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's padding modes as explicit zero counts before and after one axis, for
/// <see cref="ConvGeometry"/> and the pooling geometry. Layers call these once, at compile time.
/// </summary>
public static class ConvPadding
{
    /// <summary>The output length of one axis: <c>⌊(input + before + after − dilation·(kernel − 1) − 1) / stride⌋ + 1</c>.</summary>
    /// <param name="input">Input length.</param>
    /// <param name="kernel">Kernel (or pool) length.</param>
    /// <param name="stride">Step between outputs.</param>
    /// <param name="dilation">Step between kernel taps.</param>
    /// <param name="before">Zeros before the input.</param>
    /// <param name="after">Zeros after the input.</param>
    /// <returns>The output length (below 1 when the kernel does not fit).</returns>
    public static int OutputLength(int input, int kernel, int stride, int dilation, int before, int after)
    {
        long span = input + (long)before + after - ((long)dilation * (kernel - 1)) - 1;
        return span < 0 ? 0 : (int)(span / stride) + 1;
    }

    /// <summary>
    /// Keras's <c>same</c>: <c>ceil(input / stride)</c> outputs, total padding
    /// <c>max(0, (out − 1)·stride + dilation·(kernel − 1) + 1 − input)</c>, <c>total / 2</c> before
    /// and the odd one after (keras/src/ops/operation_utils.py <c>compute_conv_output_shape</c>;
    /// the backends pad as XLA's and TensorFlow's <c>SAME</c>).
    /// </summary>
    /// <param name="input">Input length.</param>
    /// <param name="kernel">Kernel (or pool) length.</param>
    /// <param name="stride">Step between outputs.</param>
    /// <param name="dilation">Step between kernel taps.</param>
    /// <returns>Zeros before and after.</returns>
    public static (int Before, int After) Same(int input, int kernel, int stride, int dilation = 1)
    {
        int output = ((input - 1) / stride) + 1;
        int total = Math.Max(0, ((output - 1) * stride) + (dilation * (kernel - 1)) + 1 - input);
        return (total / 2, total - (total / 2));
    }

    /// <summary>
    /// Keras's Conv1D <c>causal</c>: <c>dilation·(kernel − 1)</c> zeros before, none after, so
    /// output <c>t</c> sees inputs up to <c>t</c> (keras/src/layers/convolutional/base_conv.py,
    /// <c>_compute_causal_padding</c>).
    /// </summary>
    /// <param name="kernel">Kernel length.</param>
    /// <param name="dilation">Step between kernel taps.</param>
    /// <returns>Zeros before and after.</returns>
    public static (int Before, int After) Causal(int kernel, int dilation = 1) => (dilation * (kernel - 1), 0);

    /// <summary>
    /// One axis of Keras's Conv2DTranspose/Conv1DTranspose: its output length, and the padding of
    /// the adjoint convolution (the ordinary convolution from the transposed output back to its
    /// input, which <see cref="Conv2DTransposeKernel"/> takes as its geometry).
    /// </summary>
    /// <remarks>
    /// From keras/src/backend/common/backend_utils.py: the output length is
    /// <c>_get_output_shape_given_tf_padding</c>, and JAX's padding of the stride-dilated input,
    /// <c>_convert_conv_transpose_padding_args_from_keras_to_jax</c> (left, right), becomes the
    /// adjoint's <c>before = k' − 1 − left</c>, <c>after = k' − 1 − right</c> with
    /// <c>k' = dilation·(kernel − 1) + 1</c> (negative with a large output padding: the adjoint then
    /// skips trailing positions that no input reaches).
    /// </remarks>
    /// <param name="input">The transposed convolution's input length.</param>
    /// <param name="kernel">Kernel length.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="dilation">Dilation.</param>
    /// <param name="same">Keras's <c>padding="same"</c> (else <c>"valid"</c>).</param>
    /// <param name="outputPadding">Keras's <c>output_padding</c> for this axis, or null.</param>
    /// <returns>The output length and the adjoint convolution's padding.</returns>
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

        int output = ((input - 1) * stride) + 1 + left + right - effective + 1;
        return (output, effective - 1 - left, effective - 1 - right);
    }
}
