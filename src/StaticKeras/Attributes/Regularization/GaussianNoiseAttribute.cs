namespace StaticKeras;

/// <summary>
/// Keras's <c>GaussianNoise(stddev, seed=None)</c> (keras/src/layers/regularization/gaussian_noise.py):
/// while training, adds noise drawn from <c>N(0, stddev²)</c> to every value.
/// </summary>
/// <example><code>[GaussianNoise(0.1)]</code></example>
public sealed class GaussianNoiseAttribute : NoiseLayerAttribute
{
    /// <summary>Declares a Gaussian noise layer.</summary>
    /// <param name="stddev">The noise's standard deviation, in [0, 1] as Keras 3 requires.</param>
    public GaussianNoiseAttribute(double stddev) => Stddev = stddev;

    /// <summary>The noise's standard deviation.</summary>
    public double Stddev { get; }
}
