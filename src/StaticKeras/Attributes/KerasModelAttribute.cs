using System;

namespace StaticKeras;

/// <summary>
/// Builds the model from a Keras file at compile time: a <c>.keras</c> archive, a whole-model
/// <c>.h5</c> (its <c>model_config</c>) or a <c>model.to_json()</c> file, listed as an
/// <c>AdditionalFiles</c> item of the project. The class becomes the same static, shape-checked
/// model a hand-written declaration gives, its layers and names those of the file; a layer or
/// argument StaticKeras cannot express is a compile error (SK2018) naming it and the file.
/// The generated <c>LoadKerasWeights()</c> loads the file's weights with one call.
/// </summary>
/// <example>
/// <code>
/// [KerasModel("mnist.keras", EmbedWeights = true)]
/// public partial class MnistFromPython;
/// </code>
/// </example>
/// <param name="path">The file, as the project's <c>AdditionalFiles</c> item names it (matched by its end or its file name).</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class KerasModelAttribute(string path) : Attribute
{
    /// <summary>The Keras file.</summary>
    public string Path { get; } = path;

    /// <summary>
    /// Compiles the file into the assembly, so <c>LoadKerasWeights()</c> needs no file at run time
    /// (a Native AOT binary carries its model); false by default, which loads the file from beside the application.
    /// </summary>
    public bool EmbedWeights { get; set; }
}
