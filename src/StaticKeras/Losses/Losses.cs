namespace StaticKeras;

/// <summary>
/// The built-in losses by their Keras names, with Keras's defaults, for <see cref="Model.Compile"/>.
/// Each access creates a new loss; construct the class (<c>new Huber(delta: 2f)</c>) for other arguments.
/// </summary>
public static class Losses
{
    /// <summary>Keras's <c>mean_squared_error</c>.</summary>
    public static Loss MeanSquaredError => new MeanSquaredError();

    /// <summary>Keras's <c>mean_absolute_error</c>.</summary>
    public static Loss MeanAbsoluteError => new MeanAbsoluteError();

    /// <summary>Keras's <c>mean_absolute_percentage_error</c>.</summary>
    public static Loss MeanAbsolutePercentageError => new MeanAbsolutePercentageError();

    /// <summary>Keras's <c>mean_squared_logarithmic_error</c>.</summary>
    public static Loss MeanSquaredLogarithmicError => new MeanSquaredLogarithmicError();

    /// <summary>Keras's <c>huber_loss</c> (δ = 1).</summary>
    public static Loss Huber => new Huber();

    /// <summary>Keras's <c>log_cosh</c>.</summary>
    public static Loss LogCosh => new LogCosh();

    /// <summary>Keras's <c>kl_divergence</c>.</summary>
    public static Loss KLDivergence => new KLDivergence();

    /// <summary>Keras's <c>poisson</c>.</summary>
    public static Loss Poisson => new Poisson();

    /// <summary>Keras's <c>hinge</c>.</summary>
    public static Loss Hinge => new Hinge();

    /// <summary>Keras's <c>squared_hinge</c>.</summary>
    public static Loss SquaredHinge => new SquaredHinge();

    /// <summary>Keras's <c>categorical_hinge</c>.</summary>
    public static Loss CategoricalHinge => new CategoricalHinge();

    /// <summary>Keras's <c>cosine_similarity</c> loss.</summary>
    public static Loss CosineSimilarity => new CosineSimilarity();

    /// <summary>Keras's <c>binary_crossentropy</c> on probabilities.</summary>
    public static Loss BinaryCrossentropy => new BinaryCrossentropy();

    /// <summary>Keras's <c>binary_focal_crossentropy</c> on probabilities (γ = 2).</summary>
    public static Loss BinaryFocalCrossentropy => new BinaryFocalCrossentropy();

    /// <summary>Keras's <c>categorical_crossentropy</c> on probabilities, with one-hot labels.</summary>
    public static Loss CategoricalCrossentropy => new CategoricalCrossentropy();

    /// <summary>Keras's <c>categorical_focal_crossentropy</c> on probabilities (α = 0.25, γ = 2).</summary>
    public static Loss CategoricalFocalCrossentropy => new CategoricalFocalCrossentropy();

    /// <summary>Keras's <c>sparse_categorical_crossentropy</c> on probabilities, with integer labels.</summary>
    public static Loss SparseCategoricalCrossentropy => new SparseCategoricalCrossentropy();
}
