using System;
using System.Linq;

namespace StaticKeras.Modeling.Specs;

/// <summary>
/// One layer attribute on a model class, as written: which attribute and its arguments, plus what
/// the reader found behind a type argument (a user layer's contract, a block's declaration).
/// </summary>
/// <param name="Index">Position among the model's layer attributes (declaration order, from 0).</param>
/// <param name="AttributeName">The attribute class's full metadata name (<c>StaticKeras.DenseAttribute</c>); descriptors are found by it.</param>
/// <param name="DisplayName">How the user wrote it, for messages: the class name without <c>Attribute</c> or type arguments (<c>Dense</c>, <c>Layer</c>).</param>
/// <param name="Arguments">Every argument the user wrote, constructor arguments first.</param>
/// <param name="IsMalformed">
/// True when the compiler could not bind the attribute (a CS error is already shown); shape
/// inference then stays silent about it so the user sees one error, not a cascade.
/// </param>
/// <remarks>Equality: by value; <see cref="Arguments"/> compares element-wise, and so do the init properties.</remarks>
internal sealed record LayerSpec(
    int Index,
    string AttributeName,
    string DisplayName,
    EquatableArray<ArgumentSpec> Arguments,
    bool IsMalformed)
{
    /// <summary>For <c>[Layer&lt;T&gt;]</c> and attributes deriving from it: what the type <c>T</c> declares.</summary>
    public UserLayerSpec? UserLayer { get; init; }

    /// <summary>For <c>[Block&lt;T&gt;]</c>: the block class's own declaration, or null when <see cref="BlockProblem"/> says why not.</summary>
    public ModelSpec? Block { get; init; }

    /// <summary>For <c>[Block&lt;T&gt;]</c>: why <c>T</c> cannot be used as a block (not a model, contains itself), or null.</summary>
    public string? BlockProblem { get; init; }

    /// <summary>Finds an argument by its PascalCase name.</summary>
    public ArgumentSpec? Find(string name) => Arguments.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
