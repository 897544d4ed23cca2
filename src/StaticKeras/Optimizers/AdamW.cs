namespace StaticKeras;

/// <summary>
/// Keras's <c>AdamW</c>: Adam with decoupled weight decay, <c>w −= w·wd·lr</c> before each update
/// (default <c>weight_decay=0.004</c>).
/// </summary>
public sealed class AdamW : Adam
{
    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    public AdamW(float learningRate = 0.001f, float weightDecay = 0.004f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-7f, float? clipNorm = null, float? clipValue = null, float? globalClipNorm = null)
        : base(learningRate, beta1, beta2, epsilon, weightDecay, clipNorm, clipValue, globalClipNorm)
    {
    }

    /// <inheritdoc/>
    public override string Name => "adamw";
}
