using System;

namespace StaticKeras.Kernels;

/// <summary>Buffer checks of the pooling kernels.</summary>
internal static class PoolChecks
{
    /// <summary>Checks an input-shaped and an output-shaped buffer for <paramref name="batch"/> samples.</summary>
    public static void Check(in PoolGeometry g, int batch, ReadOnlySpan<float> inputShaped, string inputName, ReadOnlySpan<float> outputShaped, string outputName)
    {
        Conv2DKernel.CheckBatch(batch);
        ThrowHelper.ThrowIfTooShort(inputShaped, (long)batch * g.InputSize, inputName);
        ThrowHelper.ThrowIfTooShort(outputShaped, (long)batch * g.OutputSize, outputName);
    }
}
