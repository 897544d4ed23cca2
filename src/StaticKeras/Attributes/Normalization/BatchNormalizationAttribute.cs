namespace StaticKeras;

/// <summary>
/// Keras's <c>BatchNormalization</c>: normalises each channel of <see cref="Axis"/>. While training
/// it uses the batch's mean and (biased) variance and moves the moving statistics toward them;
/// when predicting it uses the moving statistics. Weights in Keras's order: <c>gamma</c>,
/// <c>beta</c>, <c>moving_mean</c>, <c>moving_variance</c> (the last two not trainable).
/// </summary>
/// <example><code>[BatchNormalization]</code> or <code>[BatchNormalization(Momentum = 0.9)]</code></example>
public sealed class BatchNormalizationAttribute : SingleInputLayerAttribute
{
    /// <summary>The axis of the channels, counting the batch as axis 0 as Keras does; -1 (the last) by default.</summary>
    public int Axis { get; set; } = -1;

    /// <summary>The share of the moving statistics kept at each training step; 0.99 by default.</summary>
    public double Momentum { get; set; } = 0.99;

    /// <summary>Added to the variance so the division stays finite; 0.001 by default.</summary>
    public double Epsilon { get; set; } = 1e-3;

    /// <summary>Whether to add the trainable offset <c>beta</c>; true by default.</summary>
    public bool Center { get; set; } = true;

    /// <summary>Whether to multiply by the trainable scale <c>gamma</c>; true by default.</summary>
    public bool Scale { get; set; } = true;

    /// <summary>The Keras name of beta's initializer; <c>"zeros"</c> by default.</summary>
    public string BetaInitializer { get; set; } = "zeros";

    /// <summary>The Keras name of gamma's initializer; <c>"ones"</c> by default.</summary>
    public string GammaInitializer { get; set; } = "ones";

    /// <summary>The Keras name of the moving mean's initializer; <c>"zeros"</c> by default.</summary>
    public string MovingMeanInitializer { get; set; } = "zeros";

    /// <summary>The Keras name of the moving variance's initializer; <c>"ones"</c> by default.</summary>
    public string MovingVarianceInitializer { get; set; } = "ones";
}
