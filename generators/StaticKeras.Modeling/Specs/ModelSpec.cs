using System;

namespace StaticKeras.Modeling.Specs;

/// <summary>Problems with the class declaration itself (not with its layers).</summary>
[Flags]
internal enum DeclarationIssues
{
    None = 0,

    /// <summary>The class is not declared <c>partial</c>, so nothing can be generated into it.</summary>
    NotPartial = 1,

    /// <summary>The class has type parameters.</summary>
    Generic = 2,

    /// <summary>The class is nested in a type that is not partial, or in a generic type.</summary>
    UnsupportedNesting = 4,

    /// <summary>Layer attributes sit on more than one partial declaration, so their order is undefined.</summary>
    LayersInSeveralParts = 8,

    /// <summary>The class declares a base class; the generated code derives from <c>StaticKeras.Model</c>.</summary>
    HasBaseClass = 16,

    /// <summary>The class is static or abstract, or is a record.</summary>
    UnsupportedKind = 32,
}

/// <summary>The class a model is generated into.</summary>
/// <param name="Namespace">Its namespace, empty for the global namespace.</param>
/// <param name="Name">Its simple name.</param>
/// <param name="MetadataName">Its fully qualified metadata name, used for file names.</param>
/// <param name="ContainingTypes">Declarations of the types it is nested in, outermost first (<c>partial class Outer</c>).</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record TypeSpec(
    string Namespace,
    string Name,
    string MetadataName,
    EquatableArray<string> ContainingTypes);

/// <summary>
/// A model declaration: the class and its layer attributes in declaration order, and the
/// activation modules its layers can name. The output of Parse; everything downstream reads only this.
/// </summary>
/// <param name="Type">The class.</param>
/// <param name="Layers">Its layer attributes in declaration order.</param>
/// <param name="Issues">What makes the class unusable for generation.</param>
/// <param name="Activations">
/// The built-in activations (read from the runtime's <c>StaticKeras.Activations</c> types) and every
/// type given as an activation argument, so descriptors resolve <c>"relu"</c> and
/// <c>typeof(MyActivation)</c> alike without symbols.
/// </param>
/// <remarks>Equality: by value (no symbols, syntax or locations), so the generator caches on it.</remarks>
internal sealed record ModelSpec(
    TypeSpec Type,
    EquatableArray<LayerSpec> Layers,
    DeclarationIssues Issues,
    EquatableArray<ActivationSpec> Activations = default);
