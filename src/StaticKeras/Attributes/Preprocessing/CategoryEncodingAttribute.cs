namespace StaticKeras;

/// <summary>
/// Keras's <c>CategoryEncoding(num_tokens, output_mode="multi_hot")</c>
/// (keras/src/layers/preprocessing/category_encoding.py): integer token ids in
/// <c>[0, num_tokens)</c>, given as floats, become one-hot rows, multi-hot rows or counts.
/// </summary>
/// <example><code>[CategoryEncoding(4, OutputMode = "one_hot")]</code></example>
public sealed class CategoryEncodingAttribute : SingleInputLayerAttribute
{
    /// <summary>Declares a category encoding.</summary>
    /// <param name="numTokens">How many token ids there are; every input must be a whole number in [0, numTokens).</param>
    public CategoryEncodingAttribute(int numTokens) => NumTokens = numTokens;

    /// <summary>How many token ids there are.</summary>
    public int NumTokens { get; }

    /// <summary>
    /// <c>"one_hot"</c>: each id becomes a row of <see cref="NumTokens"/> (a last axis of size 1 is
    /// replaced, any other kept); <c>"multi_hot"</c> (the default): each last-axis row becomes one
    /// row with a 1 per id present; <c>"count"</c>: as multi_hot, counting repeats.
    /// </summary>
    public string OutputMode { get; set; } = "multi_hot";
}
