using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Keras;

/// <summary>A layer written as a user layer (<c>[ELU]</c> over <c>LayerAttribute&lt;ELU&gt;</c>) that a Keras config can name.</summary>
/// <param name="KerasClassName">The Keras class (<c>ELU</c>): the layer type's name.</param>
/// <param name="AttributeName">The attribute's metadata name (<c>StaticKeras.ELUAttribute</c>).</param>
/// <param name="Layer">What the layer type declares.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record KerasUserLayer(string KerasClassName, string AttributeName, UserLayerSpec Layer);

/// <summary>
/// A <c>[KerasModel("model.keras")]</c> class, as the reader saw it: everything the import needs
/// from the compilation, so the import itself runs on plain data with the file's bytes.
/// </summary>
/// <param name="Type">The class.</param>
/// <param name="Issues">What makes the class unusable for generation.</param>
/// <param name="Path">The file as the attribute names it.</param>
/// <param name="EmbedWeights">Embed the file's weights in the assembly.</param>
/// <param name="Activations">The built-in activations.</param>
/// <param name="UserLayers">The built-in layers written as user layers.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record KerasModelRequest(
    TypeSpec Type,
    DeclarationIssues Issues,
    string Path,
    bool EmbedWeights,
    EquatableArray<ActivationSpec> Activations,
    EquatableArray<KerasUserLayer> UserLayers);

/// <summary>The result of importing a Keras file: the model spec (null when it cannot be built), the problems, and the file for embedding.</summary>
/// <param name="Request">What was asked.</param>
/// <param name="Spec">The declaration the file's config stands for, or null.</param>
/// <param name="Problems">Why it cannot be imported, as sentences naming the file, the layer and the argument.</param>
/// <param name="FileName">The file's name, for loading it at run time.</param>
/// <param name="Embedded">The file's bytes when <see cref="KerasModelRequest.EmbedWeights"/>, else empty.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record KerasImport(KerasModelRequest Request, ModelSpec? Spec, EquatableArray<string> Problems, string FileName, EquatableArray<byte> Embedded);
