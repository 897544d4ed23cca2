using System;

namespace StaticKeras;

/// <summary>
/// How many samples one inference pass takes at a time. The pass runs layer after layer over its
/// whole batch, so a batch whose activations outgrow the cache streams every layer's output
/// through memory: a CNN's 100 KB of activations a sample make a batch of 128 13 MB. Run in
/// chunks of about <see cref="ChunkBytes"/>, each layer's output is still in L2 when the next
/// layer reads it; a model whose samples are small (an MLP) is never split, so its products keep
/// their full height.
/// </summary>
internal static class InferenceChunks
{
    /// <summary>The workspace one chunk may fill: about a core's L2 (1 MiB on current x64 server parts).</summary>
    public const int ChunkBytes = 1 << 20;

    /// <summary>Samples per inference pass for a model (every batch for a model of several inputs, whose blocks would need gathering).</summary>
    public static int For(ModelDefinition definition)
    {
        // What a sample's pass touches: its input, its buffers and its output.
        long bytesPerSample = 4L * ((long)definition.Inference.FloatsPerSample + definition.InputSize + definition.OutputSize);
        return definition.InputSizes.Count > 1 ? int.MaxValue : (int)Math.Max(1, ChunkBytes / bytesPerSample);
    }
}
