using System;
using System.Linq;

namespace StaticKeras.Modeling.Specs;

/// <summary>
/// One layer attribute on a model class, as written: its type and its arguments.
/// </summary>
/// <param name="Index">Position among the model's layer attributes (declaration order, from 0).</param>
/// <param name="TypeName">The layer type, the attribute's name without <c>Attribute</c> (<c>Dense</c>, <c>Input</c>).</param>
/// <param name="Arguments">Every argument the user wrote, constructor arguments first.</param>
/// <param name="IsMalformed">
/// True when the compiler could not bind the attribute (a CS error is already shown); shape
/// inference then stays silent about it so the user sees one error, not a cascade.
/// </param>
/// <remarks>Equality: by value; <see cref="Arguments"/> compares element-wise.</remarks>
internal sealed record LayerSpec(
    int Index,
    string TypeName,
    EquatableArray<ArgumentSpec> Arguments,
    bool IsMalformed)
{
    /// <summary>Finds an argument by its PascalCase name.</summary>
    public ArgumentSpec? Find(string name) => Arguments.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
