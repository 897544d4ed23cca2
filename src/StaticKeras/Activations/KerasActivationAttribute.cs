using System;

namespace StaticKeras;

/// <summary>
/// Declares an <see cref="IActivation"/> type to StaticKeras's generator: its Keras name (what
/// <c>activation="..."</c> and saved configs call it) and what the generator must know to plan
/// around it. Every built-in activation carries one; so must a user activation.
/// </summary>
/// <param name="name">The Keras name (<c>"relu"</c>); for a user activation, the name saved in configs.</param>
/// <example><code>[KerasActivation("swish_beta2", Derivative = ActivationDerivative.FromInput)]</code></example>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false)]
public sealed class KerasActivationAttribute(string name) : Attribute
{
    /// <summary>The Keras name.</summary>
    public string Name { get; } = name;

    /// <summary>Other names Keras accepts for it (<c>"swish"</c> for <c>"silu"</c>).</summary>
    public string[] Aliases { get; set; } = [];

    /// <summary>What the derivative is computed from; <see cref="ActivationDerivative.FromOutput"/> by default.</summary>
    public ActivationDerivative Derivative { get; set; } = ActivationDerivative.FromOutput;

    /// <summary>The loss it cancels against when it ends a model (softmax, sigmoid).</summary>
    public LossFusion LossFusion { get; set; } = LossFusion.None;
}
