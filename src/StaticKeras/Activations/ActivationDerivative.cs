namespace StaticKeras;

/// <summary>
/// What an activation's derivative is computed from. The output is free (it is the layer's
/// output, kept for the next layer anyway); the input costs a cache, so an activation says
/// <see cref="FromOutput"/> whenever its derivative can be written in <c>y</c>.
/// </summary>
public enum ActivationDerivative
{
    /// <summary>From the output <c>y</c> (ReLU: <c>y &gt; 0</c>; sigmoid: <c>y(1 − y)</c>).</summary>
    FromOutput,

    /// <summary>From the input <c>x</c> (GELU, swish, mish): the layer keeps its pre-activation.</summary>
    FromInput,

    /// <summary>The identity: nothing to compute backward.</summary>
    Identity,
}
