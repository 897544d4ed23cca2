namespace StaticKeras;

/// <summary>The built-in losses by their Keras names, for <see cref="Model.Compile"/>.</summary>
public static class Losses
{
    /// <summary>Keras's <c>mean_squared_error</c>.</summary>
    public static Loss MeanSquaredError => new MeanSquaredError();

    /// <summary>Keras's <c>mean_absolute_error</c>.</summary>
    public static Loss MeanAbsoluteError => new MeanAbsoluteError();

    /// <summary>Keras's <c>binary_crossentropy</c> on probabilities.</summary>
    public static Loss BinaryCrossentropy => new BinaryCrossentropy();

    /// <summary>Keras's <c>categorical_crossentropy</c> on probabilities, with one-hot labels.</summary>
    public static Loss CategoricalCrossentropy => new CategoricalCrossentropy();

    /// <summary>Keras's <c>sparse_categorical_crossentropy</c> on probabilities, with integer labels.</summary>
    public static Loss SparseCategoricalCrossentropy => new SparseCategoricalCrossentropy();
}
