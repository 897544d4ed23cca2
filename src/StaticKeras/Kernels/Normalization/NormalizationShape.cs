namespace StaticKeras.Kernels;

/// <summary>
/// A tensor seen around its normalised axis: <c>outer</c> × <c>channels</c> × <c>inner</c>,
/// element <c>(o, c, i)</c> at <c>(o·channels + c)·inner + i</c>. Keras's default axis −1 of a
/// channels-last tensor is <c>(batch · every other dimension, channels, 1)</c>.
/// </summary>
/// <param name="Outer">Positions before the axis (the batch included).</param>
/// <param name="Channels">Length of the normalised axis.</param>
/// <param name="Inner">Positions after the axis (1 for the last axis).</param>
public readonly record struct NormalizationShape(int Outer, int Channels, int Inner)
{
    /// <summary>The last axis of <paramref name="rows"/> rows of <paramref name="channels"/> values.</summary>
    /// <param name="rows">Batch × every dimension but the last.</param>
    /// <param name="channels">The last dimension.</param>
    /// <returns>The shape.</returns>
    public static NormalizationShape LastAxis(int rows, int channels) => new(rows, channels, 1);

    /// <summary>Floats of the tensor.</summary>
    public long Size => (long)Outer * Channels * Inner;

    /// <summary>Values per channel, the divisor of the batch statistics.</summary>
    public int Count => Outer * Inner;
}
