using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's Conv2DTranspose and Conv1DTranspose (channels-last, kernel <c>(kh, kw, filters,
/// in)</c>): the adjoint of a convolution, run on <see cref="Conv2DKernel"/>'s products with
/// their roles exchanged. The geometry passed is that adjoint convolution's (from this layer's
/// output back to its input; build it with <see cref="Geometry"/>): its input
/// <c>(Height, Width, Channels)</c> is this layer's output <c>(height, width, filters)</c>, its
/// output <c>(OutputHeight, OutputWidth, Filters)</c> this layer's input, and its kernel layout
/// <c>(kh, kw, Channels, Filters)</c> is Keras's transposed kernel unchanged.
/// </summary>
/// <remarks>
/// Effectively computes <c>y[b, o, f] = bias[f] + Σ x[b, i, c] · kernel[k, f, c]</c> over every
/// <c>(i, k)</c> with <c>o = i·stride − before + k·dilation</c> (per axis), which is
/// keras/src/backend/jax/nn.py <c>conv_transpose</c>: the stride-dilated input, padded as
/// <see cref="ConvPadding.Transpose"/> says, correlated with the flipped kernel.
/// Forward is the adjoint's input gradient, the input gradient is the adjoint's forward, and the
/// kernel gradient is the adjoint's kernel gradient with this layer's dz as its input.
/// </remarks>
public static unsafe class Conv2DTransposeKernel
{
    /// <summary>
    /// The adjoint geometry of a Conv2DTranspose over <c>(height, width, channels)</c> with Keras's
    /// arguments (use height 1, kernel height 1 for Conv1DTranspose).
    /// </summary>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="channels">Input channels.</param>
    /// <param name="filters">Output channels.</param>
    /// <param name="kernelHeight">Kernel rows.</param>
    /// <param name="kernelWidth">Kernel columns.</param>
    /// <param name="strideHeight">Stride across rows.</param>
    /// <param name="strideWidth">Stride across columns.</param>
    /// <param name="dilationHeight">Dilation across rows.</param>
    /// <param name="dilationWidth">Dilation across columns.</param>
    /// <param name="same">Keras's <c>padding="same"</c> (else <c>"valid"</c>).</param>
    /// <param name="outputPaddingHeight">Keras's <c>output_padding</c> for rows, or null.</param>
    /// <param name="outputPaddingWidth">Keras's <c>output_padding</c> for columns, or null.</param>
    /// <returns>The adjoint convolution's geometry.</returns>
    public static ConvGeometry Geometry(int height, int width, int channels, int filters, int kernelHeight, int kernelWidth, int strideHeight, int strideWidth, int dilationHeight, int dilationWidth, bool same, int? outputPaddingHeight, int? outputPaddingWidth)
    {
        (int rows, int top, int bottom) = ConvPadding.Transpose(height, kernelHeight, strideHeight, dilationHeight, same, outputPaddingHeight);
        (int columns, int left, int right) = ConvPadding.Transpose(width, kernelWidth, strideWidth, dilationWidth, same, outputPaddingWidth);
        var adjoint = new ConvGeometry(rows, columns, filters, channels, kernelHeight, kernelWidth, strideHeight, strideWidth, dilationHeight, dilationWidth, top, bottom, left, right);
        if (adjoint.OutputHeight != height || adjoint.OutputWidth != width)
        {
            throw new ArgumentException($"The output padding ({outputPaddingHeight}, {outputPaddingWidth}) gives a {rows}×{columns} output that does not map back to the {height}×{width} input; Keras needs output_padding below the stride.", nameof(outputPaddingHeight));
        }

        return adjoint;
    }

    /// <summary>Floats of the op-local scratch of this geometry.</summary>
    /// <param name="adjoint">The adjoint convolution.</param>
    /// <returns>The scratch length in floats.</returns>
    public static int ScratchSize(in ConvGeometry adjoint) => Conv2DKernel.ScratchSize(adjoint);

    /// <summary>Computes <c>y = relu?(conv_transpose(x, kernel) + bias)</c>.</summary>
    /// <param name="adjoint">The adjoint convolution.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="x">Input, <c>(batch, adjoint.OutputHeight, adjoint.OutputWidth, adjoint.Filters)</c>.</param>
    /// <param name="kernel">Kernel, <c>(kh, kw, adjoint.Channels, adjoint.Filters)</c>.</param>
    /// <param name="bias">Bias, <c>(adjoint.Channels,)</c>, or empty.</param>
    /// <param name="y">Output, <c>(batch, adjoint.Height, adjoint.Width, adjoint.Channels)</c>.</param>
    /// <param name="relu">Apply ReLU after the bias.</param>
    /// <param name="scratch">Op-local scratch, <see cref="ScratchSize"/> floats.</param>
    public static void Forward(in ConvGeometry adjoint, int batch, ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias, Span<float> y, bool relu, Span<float> scratch)
    {
        Conv2DKernel.BackwardInput(adjoint, batch, x, kernel, y, accumulate: false, scratch);
        if (!bias.IsEmpty)
        {
            ThrowHelper.ThrowIfTooShort(bias, adjoint.Channels, nameof(bias));
        }

        fixed (float* py = y, pb = bias)
        {
            ChannelBias.Apply(py, batch * adjoint.Height * adjoint.Width, adjoint.Channels, bias.IsEmpty ? null : pb, relu);
        }
    }

    /// <summary>
    /// The backward pass: dy becomes dL/dz in place when the forward pass applied a ReLU, then
    /// dKernel, dBias and dx are written (each skipped when empty).
    /// </summary>
    /// <param name="adjoint">The adjoint convolution.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="x">The forward input.</param>
    /// <param name="kernel">The kernel.</param>
    /// <param name="y">The forward output (read only when <paramref name="relu"/>).</param>
    /// <param name="dy">dL/dy on entry, dL/dz on return.</param>
    /// <param name="dKernel">Receives dL/dkernel, or empty.</param>
    /// <param name="dBias">Receives dL/dbias, or empty.</param>
    /// <param name="dx">Receives dL/dx, or empty.</param>
    /// <param name="accumulateDx">Add to dx instead of overwriting it.</param>
    /// <param name="relu">The forward pass applied a ReLU.</param>
    /// <param name="scratch">Op-local scratch, <see cref="ScratchSize"/> floats.</param>
    public static void Backward(in ConvGeometry adjoint, int batch, ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> y, Span<float> dy, Span<float> dKernel, Span<float> dBias, Span<float> dx, bool accumulateDx, bool relu, Span<float> scratch)
    {
        Span<float> dz = ConvEpilogue.PreActivationGradient(y, dy, checked(batch * adjoint.InputSize), relu);

        if (!dKernel.IsEmpty)
        {
            Conv2DKernel.BackwardKernel(adjoint, batch, dz, x, dKernel, scratch);
        }

        if (!dBias.IsEmpty)
        {
            ThrowHelper.ThrowIfTooShort(dBias, adjoint.Channels, nameof(dBias));
            fixed (float* pdz = dz, pdb = dBias)
            {
                ChannelSums.Sum(pdz, adjoint.Channels, batch * adjoint.Height * adjoint.Width, adjoint.Channels, pdb, accumulate: false);
            }
        }

        if (!dx.IsEmpty)
        {
            Conv2DKernel.ForwardInto(adjoint, batch, dz, kernel, dx, accumulateDx, scratch);
        }
    }
}
