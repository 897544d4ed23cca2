namespace StaticKeras;

/// <summary>
/// Keras's <c>RandomFlip(mode="horizontal_and_vertical")</c>
/// (keras/src/layers/preprocessing/image_preprocessing/random_flip.py): while training, flips each
/// image with probability ½. As Keras 3 draws it, one draw per image decides, so
/// <c>"horizontal_and_vertical"</c> flips an image both ways or not at all.
/// </summary>
/// <example><code>[RandomFlip("horizontal")]</code></example>
public sealed class RandomFlipAttribute : RandomImageLayerAttribute
{
    /// <summary>Declares a random flip.</summary>
    /// <param name="mode"><c>"horizontal"</c> (left-right), <c>"vertical"</c> (top-bottom) or <c>"horizontal_and_vertical"</c>.</param>
    public RandomFlipAttribute(string mode = "horizontal_and_vertical") => Mode = mode;

    /// <summary>Which way images flip.</summary>
    public string Mode { get; }
}
