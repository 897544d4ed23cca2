namespace StaticKeras;

/// <summary>
/// A densely connected layer on the last axis: <c>activation(x · kernel + bias)</c>, kernel
/// <c>(in, units)</c> as Keras's <c>Dense</c>.
/// </summary>
/// <example><code>[Dense(128, Activation = Activation.Relu)]</code> or <code>[Dense(128, Activation = "gelu")]</code></example>
public sealed class DenseAttribute : SingleInputLayerAttribute
{
    /// <summary>Declares a dense layer.</summary>
    /// <param name="units">The number of output features.</param>
    public DenseAttribute(int units) => Units = units;

    /// <summary>The number of output features.</summary>
    public int Units { get; }

    /// <summary>
    /// The activation applied to the output: a Keras name (<c>"relu"</c>, or
    /// <see cref="StaticKeras.Activation.Relu"/>) or an <see cref="IActivation"/> type
    /// (<c>typeof(MyActivation)</c>); linear when not set, as Keras.
    /// </summary>
    public object? Activation { get; set; }

    /// <summary>Whether the layer adds a bias; true by default.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>The Keras name of the kernel's initializer; <c>"glorot_uniform"</c> by default.</summary>
    public string KernelInitializer { get; set; } = "glorot_uniform";

    /// <summary>The Keras name of the bias's initializer; <c>"zeros"</c> by default.</summary>
    public string BiasInitializer { get; set; } = "zeros";
}
