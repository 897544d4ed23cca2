using System;

namespace StaticKeras;

/// <summary>
/// The shape contract of an <see cref="ILayer"/>: the input shape it accepts and the output shape
/// it gives, without the batch, in a form the generator evaluates at compile time.
/// </summary>
/// <remarks>
/// <para><c>"(*, d) -> (*, d)"</c>: any leading axes (<c>*</c>, at most one), a last axis named
/// <c>d</c>; the output keeps both. Names bind to the input's dimensions; numbers must match;
/// the output may use the names, numbers, the layer attribute's arguments by their property
/// names (<c>Units</c>), <c>+ - * /</c> (division must be exact) and parentheses:
/// <c>"(h, w, c) -> (h / 2, w / 2, c * 4)"</c>, <c>"(*, d) -> (*, Units)"</c>.</para>
/// <para>A model whose shapes do not fit the contract fails to build with an SK error on the
/// attribute that uses the layer, as for a built-in layer.</para>
/// </remarks>
/// <param name="contract">The contract, <c>"(input dims) -> (output dims)"</c>.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class LayerShapeAttribute(string contract) : Attribute
{
    /// <summary>The contract text.</summary>
    public string Contract { get; } = contract;
}
