namespace StaticKeras;

/// <summary>
/// Keras's <c>GaussianDropout(rate, seed=None)</c> (keras/src/layers/regularization/gaussian_dropout.py):
/// while training, multiplies every value by noise drawn from <c>N(1, rate / (1 − rate))</c>.
/// </summary>
/// <example><code>[GaussianDropout(0.2)]</code></example>
public sealed class GaussianDropoutAttribute : NoiseLayerAttribute
{
    /// <summary>Declares a Gaussian dropout layer.</summary>
    /// <param name="rate">The drop probability the noise stands for, in [0, 1).</param>
    public GaussianDropoutAttribute(double rate) => Rate = rate;

    /// <summary>The drop probability the noise stands for.</summary>
    public double Rate { get; }
}
