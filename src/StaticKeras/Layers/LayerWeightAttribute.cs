using System;

namespace StaticKeras;

/// <summary>
/// A weight an <see cref="ILayer"/> owns, in Keras's order (declare them in the order
/// <c>get_weights()</c> should list them: trainable ones first). Its shape uses the names of the
/// layer's <see cref="LayerShapeAttribute"/> contract and the attribute's arguments.
/// </summary>
/// <param name="name">Keras's name of the weight (<c>kernel</c>, <c>gamma</c>).</param>
/// <param name="shape">Its shape, for example <c>"(d, Units)"</c> or <c>"(d)"</c>.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class LayerWeightAttribute(string name, string shape) : Attribute
{
    /// <summary>The weight's name.</summary>
    public string Name { get; } = name;

    /// <summary>The weight's shape expression.</summary>
    public string Shape { get; } = shape;

    /// <summary>The Keras name of its initializer; <c>"glorot_uniform"</c> by default, as Keras's <c>add_weight</c>.</summary>
    public string Initializer { get; set; } = "glorot_uniform";

    /// <summary>False for state the optimizer must not touch (moving averages); the forward pass may write it while training.</summary>
    public bool Trainable { get; set; } = true;
}
