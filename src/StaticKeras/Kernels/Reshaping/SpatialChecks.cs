using System;

namespace StaticKeras.Kernels;

/// <summary>Buffer checks of the reshaping kernels.</summary>
internal static class SpatialChecks
{
    /// <summary>Checks an input-shaped and an output-shaped buffer of <paramref name="batch"/> images.</summary>
    public static void Check(int batch, int height, int width, int outHeight, int outWidth, int channels, ReadOnlySpan<float> input, ReadOnlySpan<float> output, string inputName, string outputName)
    {
        Conv2DKernel.CheckBatch(batch);
        ThrowHelper.ThrowIfTooShort(input, (long)batch * height * width * channels, inputName);
        ThrowHelper.ThrowIfTooShort(output, (long)batch * outHeight * outWidth * channels, outputName);
    }
}
