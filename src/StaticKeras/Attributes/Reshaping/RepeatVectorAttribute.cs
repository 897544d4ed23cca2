namespace StaticKeras;

/// <summary>
/// Keras's <c>RepeatVector(n)</c> (keras/src/layers/reshaping/repeat_vector.py): a vector
/// <c>(features,)</c> per sample becomes <c>(n, features)</c>, the vector n times.
/// </summary>
/// <example><code>[RepeatVector(3)]</code></example>
public sealed class RepeatVectorAttribute : SingleInputLayerAttribute
{
    /// <summary>Declares a repeat.</summary>
    /// <param name="n">How many copies; at least 1.</param>
    public RepeatVectorAttribute(int n) => N = n;

    /// <summary>How many copies.</summary>
    public int N { get; }
}
