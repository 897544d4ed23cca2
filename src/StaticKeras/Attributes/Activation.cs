namespace StaticKeras;

/// <summary>Activation functions, as Keras's <c>activation</c> argument (<c>"relu"</c> is <see cref="Relu"/>).</summary>
public enum Activation
{
    /// <summary>Identity, Keras's default (<c>"linear"</c>).</summary>
    Linear,

    /// <summary><c>max(x, 0)</c>.</summary>
    Relu,

    /// <summary><c>1 / (1 + exp(-x))</c>.</summary>
    Sigmoid,

    /// <summary>Hyperbolic tangent.</summary>
    Tanh,

    /// <summary>Softmax over the last axis.</summary>
    Softmax,
}
