using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's Conv2D and Conv1D (channels-last, kernel <c>(kh, kw, in / groups, filters)</c>):
/// <c>y = relu?(conv(x, kernel) + bias)</c>, and its backward products, on the GEMM's
/// micro-kernels. Geometry is constant (<see cref="ConvGeometry"/>), the batch is the call's;
/// the caller passes every buffer, including an op-local scratch of
/// <see cref="ScratchSize"/> floats, so no call allocates.
/// </summary>
/// <remarks>
/// Effectively computes <c>y[b, oh, ow, f] = bias[f] + Σ_{kh, kw, c} x[b, oh·sh − pt + kh·dh,
/// ow·sw − pl + kw·dw, g·Cg + c] · kernel[kh, kw, c, f]</c> for <c>f</c> in group <c>g</c>, with
/// zeros outside x (keras/src/layers/convolutional/base_conv.py, <c>ops.conv</c>). The products
/// are GEMMs over the patch matrix (see <see cref="ConvProducts"/>): results are bitwise the same
/// for every thread count.
/// </remarks>
public static unsafe class Conv2DKernel
{
    /// <summary>Floats of the op-local scratch every call of this geometry needs (batch-independent).</summary>
    /// <param name="geometry">The convolution.</param>
    /// <returns>The scratch length in floats.</returns>
    public static int ScratchSize(in ConvGeometry geometry) => ConvProducts.ScratchFloats(geometry);

    /// <summary>
    /// Floats of the kernel in the form the forward pass multiplies by (Winograd's transformed
    /// kernel), for inference with weights that do not change between calls: 0 when the geometry
    /// multiplies by the kernel as it is. Batch-independent state of the layer, rebuilt by
    /// <see cref="PrepareKernel"/> whenever the weights change.
    /// </summary>
    /// <param name="geometry">The convolution.</param>
    /// <returns>The prepared kernel's length in floats.</returns>
    public static int PreparedKernelSize(in ConvGeometry geometry) => ConvProducts.PreparedKernelFloats(geometry);

    /// <summary>Writes the prepared kernel (see <see cref="PreparedKernelSize"/>); nothing when its size is 0.</summary>
    /// <param name="geometry">The convolution.</param>
    /// <param name="kernel">Kernel, <c>(kernelHeight, kernelWidth, channels / groups, filters)</c>.</param>
    /// <param name="prepared">Receives the prepared kernel.</param>
    public static void PrepareKernel(in ConvGeometry geometry, ReadOnlySpan<float> kernel, Span<float> prepared)
    {
        ThrowHelper.ThrowIfTooShort(kernel, geometry.KernelSize, nameof(kernel));
        ThrowHelper.ThrowIfTooShort(prepared, PreparedKernelSize(geometry), nameof(prepared));
        fixed (float* pk = kernel, pp = prepared)
        {
            ConvProducts.PrepareKernel(geometry, pk, pp);
        }
    }

    /// <summary>
    /// <see cref="Forward(in ConvGeometry, int, ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, bool, Span{float})"/>
    /// with a kernel prepared once (<see cref="PrepareKernel"/>): the same values, without
    /// transforming the kernel on every call (about a quarter of a one-sample 3×3 convolution).
    /// </summary>
    /// <param name="geometry">The convolution.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="x">Input, <c>(batch, height, width, channels)</c>.</param>
    /// <param name="kernel">Kernel (read when the geometry multiplies by it as it is).</param>
    /// <param name="prepared">The prepared kernel, <see cref="PreparedKernelSize"/> floats, of these weights.</param>
    /// <param name="bias">Bias, <c>(filters,)</c>, or empty.</param>
    /// <param name="y">Output, <c>(batch, outputHeight, outputWidth, filters)</c>.</param>
    /// <param name="relu">Fuse a ReLU after the bias.</param>
    /// <param name="scratch">Op-local scratch, <see cref="ScratchSize"/> floats.</param>
    public static void ForwardPrepared(in ConvGeometry geometry, int batch, ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> prepared, ReadOnlySpan<float> bias, Span<float> y, bool relu, Span<float> scratch)
    {
        ThrowHelper.ThrowIfTooShort(prepared, PreparedKernelSize(geometry), nameof(prepared));
        fixed (float* pp = prepared)
        {
            ConvSettings run = ConvSettings.Current with { Prepared = pp };
            Forward(geometry, batch, x, kernel, bias, y, relu, accumulate: false, scratch, run);
        }
    }

    /// <summary>Computes <c>y = relu?(conv(x, kernel) + bias)</c>.</summary>
    /// <param name="geometry">The convolution.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="x">Input, <c>(batch, height, width, channels)</c>.</param>
    /// <param name="kernel">Kernel, <c>(kernelHeight, kernelWidth, channels / groups, filters)</c>.</param>
    /// <param name="bias">Bias, <c>(filters,)</c>, or empty for <c>use_bias=False</c>.</param>
    /// <param name="y">Output, <c>(batch, outputHeight, outputWidth, filters)</c>.</param>
    /// <param name="relu">Fuse a ReLU after the bias (other activations follow the call).</param>
    /// <param name="scratch">Op-local scratch, <see cref="ScratchSize"/> floats.</param>
    public static void Forward(in ConvGeometry geometry, int batch, ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias, Span<float> y, bool relu, Span<float> scratch) =>
        Forward(geometry, batch, x, kernel, bias, y, relu, accumulate: false, scratch, ConvSettings.Current);

    /// <summary>
    /// The backward pass: turns <paramref name="dy"/> into dL/dz in place when the forward pass
    /// fused a ReLU, then writes <c>dKernel</c>, <c>dBias</c> and <c>dx</c> (each skipped when empty).
    /// </summary>
    /// <param name="geometry">The convolution.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="x">The forward input.</param>
    /// <param name="kernel">The kernel.</param>
    /// <param name="y">The forward output (read only when <paramref name="relu"/>).</param>
    /// <param name="dy">dL/dy on entry, dL/dz on return.</param>
    /// <param name="dKernel">Receives dL/dkernel, or empty.</param>
    /// <param name="dBias">Receives dL/dbias, or empty.</param>
    /// <param name="dx">Receives dL/dx, or empty (the first layer).</param>
    /// <param name="accumulateDx">Add to dx instead of overwriting it.</param>
    /// <param name="relu">The forward pass fused a ReLU.</param>
    /// <param name="scratch">Op-local scratch, <see cref="ScratchSize"/> floats.</param>
    public static void Backward(in ConvGeometry geometry, int batch, ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> y, Span<float> dy, Span<float> dKernel, Span<float> dBias, Span<float> dx, bool accumulateDx, bool relu, Span<float> scratch)
    {
        Span<float> dz = ConvEpilogue.PreActivationGradient(y, dy, checked(batch * geometry.OutputSize), relu);

        if (!dKernel.IsEmpty)
        {
            BackwardKernel(geometry, batch, x, dz, dKernel, scratch);
        }

        if (!dBias.IsEmpty)
        {
            BackwardBias(geometry, batch, dz, dBias);
        }

        if (!dx.IsEmpty)
        {
            BackwardInput(geometry, batch, dz, kernel, dx, accumulateDx, scratch);
        }
    }

    /// <summary>Writes <c>dKernel = Σ patch(x)ᵀ · dz</c>, the kernel gradient.</summary>
    /// <param name="geometry">The convolution.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="x">The forward input.</param>
    /// <param name="dz">dL/dz, <c>(batch, outputHeight, outputWidth, filters)</c>.</param>
    /// <param name="dKernel">Receives dL/dkernel, the kernel's shape.</param>
    /// <param name="scratch">Op-local scratch, <see cref="ScratchSize"/> floats.</param>
    public static void BackwardKernel(in ConvGeometry geometry, int batch, ReadOnlySpan<float> x, ReadOnlySpan<float> dz, Span<float> dKernel, Span<float> scratch) =>
        BackwardKernel(geometry, batch, x, dz, dKernel, scratch, ConvSettings.Current);

    /// <summary>Writes <c>dBias[f] = Σ dz[..., f]</c> over every sample and output position.</summary>
    /// <param name="geometry">The convolution.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="dz">dL/dz, <c>(batch, outputHeight, outputWidth, filters)</c>.</param>
    /// <param name="dBias">Receives dL/dbias, <c>(filters,)</c>.</param>
    public static void BackwardBias(in ConvGeometry geometry, int batch, ReadOnlySpan<float> dz, Span<float> dBias)
    {
        int rows = checked(batch * geometry.OutputPixels);
        ThrowHelper.ThrowIfTooShort(dz, (long)rows * geometry.Filters, nameof(dz));
        ThrowHelper.ThrowIfTooShort(dBias, geometry.Filters, nameof(dBias));
        fixed (float* pdz = dz, pdb = dBias)
        {
            ChannelSums.Sum(pdz, geometry.Filters, rows, geometry.Filters, pdb, accumulate: false);
        }
    }

    /// <summary>Writes (or adds) <c>dx = col2im(dz · kernelᵀ)</c>, the input gradient.</summary>
    /// <param name="geometry">The convolution.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="dz">dL/dz, <c>(batch, outputHeight, outputWidth, filters)</c>.</param>
    /// <param name="kernel">The kernel.</param>
    /// <param name="dx">Receives dL/dx, the input's shape.</param>
    /// <param name="accumulate">Add to dx instead of overwriting it.</param>
    /// <param name="scratch">Op-local scratch, <see cref="ScratchSize"/> floats.</param>
    public static void BackwardInput(in ConvGeometry geometry, int batch, ReadOnlySpan<float> dz, ReadOnlySpan<float> kernel, Span<float> dx, bool accumulate, Span<float> scratch) =>
        BackwardInput(geometry, batch, dz, kernel, dx, accumulate, scratch, ConvSettings.Current);

    /// <summary><c>y (+)= conv(x, kernel)</c> with no bias or activation (the input gradient of a transposed convolution).</summary>
    internal static void ForwardInto(in ConvGeometry g, int batch, ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, Span<float> y, bool accumulate, Span<float> scratch) =>
        Forward(g, batch, x, kernel, ReadOnlySpan<float>.Empty, y, relu: false, accumulate, scratch, ConvSettings.Current);

    /// <summary>The forward pass with explicit settings (tests and benchmarks pick the kernel, threads and algorithm).</summary>
    internal static void Forward(in ConvGeometry g, int batch, ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias, Span<float> y, bool relu, bool accumulate, Span<float> scratch, in ConvSettings run)
    {
        CheckBatch(batch);
        ThrowHelper.ThrowIfTooShort(x, (long)batch * g.InputSize, nameof(x));
        ThrowHelper.ThrowIfTooShort(kernel, g.KernelSize, nameof(kernel));
        ThrowHelper.ThrowIfTooShort(y, (long)batch * g.OutputSize, nameof(y));
        if (!bias.IsEmpty)
        {
            ThrowHelper.ThrowIfTooShort(bias, g.Filters, nameof(bias));
        }

        ThrowHelper.ThrowIfTooShort(scratch, ScratchSize(g), nameof(scratch));
        fixed (float* px = x, pk = kernel, pb = bias, py = y, ps = scratch)
        {
            ConvProducts.Forward(g, batch, px, pk, bias.IsEmpty ? null : pb, py, relu, accumulate, ps, run);
        }
    }

    /// <summary>The kernel gradient with explicit settings.</summary>
    internal static void BackwardKernel(in ConvGeometry g, int batch, ReadOnlySpan<float> x, ReadOnlySpan<float> dz, Span<float> dKernel, Span<float> scratch, in ConvSettings run)
    {
        CheckBatch(batch);
        ThrowHelper.ThrowIfTooShort(x, (long)batch * g.InputSize, nameof(x));
        ThrowHelper.ThrowIfTooShort(dz, (long)batch * g.OutputSize, nameof(dz));
        ThrowHelper.ThrowIfTooShort(dKernel, g.KernelSize, nameof(dKernel));
        ThrowHelper.ThrowIfTooShort(scratch, ScratchSize(g), nameof(scratch));
        fixed (float* px = x, pdz = dz, pdk = dKernel, ps = scratch)
        {
            ConvProducts.KernelGradient(g, batch, px, pdz, pdk, ps, run);
        }
    }

    /// <summary>The input gradient with explicit settings.</summary>
    internal static void BackwardInput(in ConvGeometry g, int batch, ReadOnlySpan<float> dz, ReadOnlySpan<float> kernel, Span<float> dx, bool accumulate, Span<float> scratch, in ConvSettings run)
    {
        CheckBatch(batch);
        ThrowHelper.ThrowIfTooShort(dz, (long)batch * g.OutputSize, nameof(dz));
        ThrowHelper.ThrowIfTooShort(kernel, g.KernelSize, nameof(kernel));
        ThrowHelper.ThrowIfTooShort(dx, (long)batch * g.InputSize, nameof(dx));
        ThrowHelper.ThrowIfTooShort(scratch, ScratchSize(g), nameof(scratch));
        fixed (float* pdz = dz, pk = kernel, pdx = dx, ps = scratch)
        {
            ConvProducts.InputGradient(g, batch, pdz, pk, pdx, accumulate, ps, run);
        }
    }

    /// <summary>Rejects a negative batch.</summary>
    internal static void CheckBatch(int batch)
    {
        if (batch < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(batch), batch, "The batch must be 0 or more samples.");
        }
    }
}
