namespace StaticKeras.Modeling.Specs;

/// <summary>What an activation's derivative is computed from (mirrors <c>StaticKeras.ActivationDerivative</c>).</summary>
internal enum DerivativeSource
{
    FromOutput,
    FromInput,
    Identity,
}

/// <summary>
/// An activation module as its type declares itself (<c>[KerasActivation]</c> on a type
/// implementing <c>IActivation</c>): everything planning and the analyzers need, read from the
/// type so that built-in and user activations are handled alike.
/// </summary>
/// <param name="KerasName">The Keras name (<c>relu</c>).</param>
/// <param name="Aliases">Other names Keras accepts (<c>swish</c>).</param>
/// <param name="TypeName">The type for generated code (<c>global::StaticKeras.Activations.Relu</c>).</param>
/// <param name="Derivative">What its derivative needs.</param>
/// <param name="LossFusion">The loss it cancels against as a model's output: <c>None</c>, <c>Softmax</c> or <c>Sigmoid</c> (<c>StaticKeras.LossFusion</c>).</param>
/// <param name="Problem">Why the type cannot be used (it does not implement <c>IActivation</c>, it has no <c>[KerasActivation]</c>), or null.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record ActivationSpec(
    string KerasName,
    EquatableArray<string> Aliases,
    string TypeName,
    DerivativeSource Derivative,
    string LossFusion,
    string? Problem = null)
{
    /// <summary>True for the identity, which layers skip entirely.</summary>
    public bool IsLinear => Derivative == DerivativeSource.Identity;
}
