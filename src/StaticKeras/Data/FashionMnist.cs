using System.Collections.Generic;

namespace StaticKeras.Data;

/// <summary>
/// Loads Fashion-MNIST from a folder of IDX files, as Keras's <c>fashion_mnist.load_data()</c>:
/// 28×28 grey pictures of clothing, pixels scaled to [0, 1], labels as class ids
/// (<see cref="ClassNames"/>).
/// </summary>
public static class FashionMnist
{
    /// <summary>The ten classes in label order, as Keras's documentation names them.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Loads one split.</summary>
    /// <param name="directory">The folder with the files.</param>
    /// <param name="prefix"><c>train</c> (60,000 images; the images may be split into <c>.part0.gz</c>, <c>.part1.gz</c>) or <c>t10k</c> (10,000).</param>
    /// <returns>Images <c>(N, 28, 28)</c> flattened row-major, and labels.</returns>
    /// <exception cref="System.IO.FileNotFoundException">A file is missing; names it and the folder.</exception>
    public static (float[] Images, int[] Labels) Load(string directory, string prefix) => Mnist.Load(directory, prefix, "Fashion-MNIST");
}
