namespace StaticKeras;

/// <summary>
/// The base of Keras's regularization layers that draw noise (spatial dropout, Gaussian noise and
/// dropout): active only while training (the identity in <c>Predict</c> and <c>Evaluate</c>, as
/// Keras's <c>training=False</c>), drawing from a seeded stream.
/// </summary>
public abstract class NoiseLayerAttribute : SingleInputLayerAttribute
{
    /// <summary>A seed for this layer's own random stream; by default (0, Keras's <c>seed=None</c>) it draws from the model's seed.</summary>
    public int Seed { get; set; }
}
