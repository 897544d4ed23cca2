namespace StaticKeras;

/// <summary>
/// Keras's <c>AdamW</c> (<c>keras/src/optimizers/adamw.py</c>): Adam with decoupled weight decay,
/// <c>w −= w·wd·lr</c> before each update (default <c>weight_decay=0.004</c>).
/// </summary>
public sealed class AdamW : Adam
{
    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">A number or a schedule (default 0.001).</param>
    /// <param name="weightDecay">Decoupled weight decay.</param>
    /// <param name="beta1">β₁, the decay of the first moment.</param>
    /// <param name="beta2">β₂, the decay of the second moment.</param>
    /// <param name="epsilon">ε, added to √v.</param>
    /// <param name="amsgrad">Use the maximum of past second moments (AMSGrad).</param>
    /// <param name="clipNorm">Per-weight gradient norm clip.</param>
    /// <param name="clipValue">Gradient value clip.</param>
    /// <param name="globalClipNorm">Global gradient norm clip.</param>
    public AdamW(LearningRateSchedule? learningRate = null, float weightDecay = 0.004f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-7f, bool amsgrad = false, float? clipNorm = null, float? clipValue = null, float? globalClipNorm = null)
        : base(learningRate, beta1, beta2, epsilon, amsgrad, weightDecay, clipNorm, clipValue, globalClipNorm)
    {
    }

    /// <inheritdoc/>
    public override string Name => "adamw";
}
