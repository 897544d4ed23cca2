using System;

namespace StaticKeras;

/// <summary>
/// A buffer an <see cref="ILayer"/>'s training forward pass fills for its backward pass (an inverse
/// norm, a mask), per sample: <c>"(*)"</c> is one value per position of the input's <c>*</c> axes.
/// The plan keeps it alive from the forward to the backward pass and reuses its memory otherwise.
/// </summary>
/// <param name="name">What it holds, for the generated comments.</param>
/// <param name="shape">Its shape per sample, in the contract's names.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class LayerCacheAttribute(string name, string shape) : Attribute
{
    /// <summary>The cache's name.</summary>
    public string Name { get; } = name;

    /// <summary>Its shape per sample.</summary>
    public string Shape { get; } = shape;
}
