namespace StaticKeras;

/// <summary>
/// The Keras names of the built-in activations, for a layer's <c>Activation</c> argument:
/// <c>[Dense(64, Activation = Activation.Relu)]</c> is <c>[Dense(64, Activation = "relu")]</c>. The
/// functions themselves are the types in <see cref="Activations"/>; a user activation is passed as
/// its type: <c>Activation = typeof(MyActivation)</c>.
/// </summary>
public static class Activation
{
    /// <summary>The identity (the default).</summary>
    public const string Linear = "linear";

    /// <summary><c>max(x, 0)</c>.</summary>
    public const string Relu = "relu";

    /// <summary><c>min(max(x, 0), 6)</c>.</summary>
    public const string Relu6 = "relu6";

    /// <summary><c>x</c>, or <c>0.2·x</c> below zero.</summary>
    public const string LeakyRelu = "leaky_relu";

    /// <summary>Exponential linear unit.</summary>
    public const string Elu = "elu";

    /// <summary>Scaled ELU.</summary>
    public const string Selu = "selu";

    /// <summary>Continuously differentiable ELU.</summary>
    public const string Celu = "celu";

    /// <summary>Gaussian error linear unit (exact).</summary>
    public const string Gelu = "gelu";

    /// <summary>GELU with the tanh approximation (Keras's <c>gelu(approximate=True)</c>).</summary>
    public const string ApproximateGelu = "approximate_gelu";

    /// <summary><c>1 / (1 + exp(−x))</c>.</summary>
    public const string Sigmoid = "sigmoid";

    /// <summary>Keras 3's <c>relu6(x + 3) / 6</c>.</summary>
    public const string HardSigmoid = "hard_sigmoid";

    /// <summary><c>x · sigmoid(x)</c>.</summary>
    public const string Silu = "silu";

    /// <summary>Another name of <see cref="Silu"/>.</summary>
    public const string Swish = "swish";

    /// <summary><c>x · relu6(x + 3) / 6</c>.</summary>
    public const string HardSilu = "hard_silu";

    /// <summary>Another name of <see cref="HardSilu"/>.</summary>
    public const string HardSwish = "hard_swish";

    /// <summary><c>x · tanh(softplus(x))</c>.</summary>
    public const string Mish = "mish";

    /// <summary>Hyperbolic tangent.</summary>
    public const string Tanh = "tanh";

    /// <summary><c>clip(x, −1, 1)</c>.</summary>
    public const string HardTanh = "hard_tanh";

    /// <summary><c>log(1 + exp(x))</c>.</summary>
    public const string Softplus = "softplus";

    /// <summary><c>x / (|x| + 1)</c>.</summary>
    public const string Softsign = "softsign";

    /// <summary><c>exp(x)</c>.</summary>
    public const string Exponential = "exponential";

    /// <summary><c>log(sigmoid(x))</c>.</summary>
    public const string LogSigmoid = "log_sigmoid";

    /// <summary>Softmax over the last axis.</summary>
    public const string Softmax = "softmax";

    /// <summary>Log-softmax over the last axis.</summary>
    public const string LogSoftmax = "log_softmax";
}
