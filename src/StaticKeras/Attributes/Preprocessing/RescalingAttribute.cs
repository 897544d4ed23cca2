namespace StaticKeras;

/// <summary>
/// Keras's <c>Rescaling(scale, offset=0.0)</c> (keras/src/layers/preprocessing/rescaling.py):
/// <c>x · scale + offset</c>, in training and at inference.
/// </summary>
/// <example><code>[Rescaling(1.0 / 255)]</code> maps pixels in [0, 255] to [0, 1]; <c>[Rescaling(1.0 / 127.5, Offset = -1)]</c> to [−1, 1].</example>
public sealed class RescalingAttribute : SingleInputLayerAttribute
{
    /// <summary>Declares a rescaling layer.</summary>
    /// <param name="scale">The factor every value is multiplied by.</param>
    public RescalingAttribute(double scale) => Scale = scale;

    /// <summary>The factor every value is multiplied by.</summary>
    public double Scale { get; }

    /// <summary>Added after scaling; 0 by default.</summary>
    public double Offset { get; set; }
}
