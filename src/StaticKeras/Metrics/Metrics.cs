namespace StaticKeras;

/// <summary>The built-in metrics by their Keras names, for <see cref="Model.Compile"/>. Each access creates a new metric.</summary>
public static class Metrics
{
    /// <summary>Keras's <c>"accuracy"</c>: binary, sparse categorical or categorical accuracy, chosen from the shapes as Keras does.</summary>
    public static Metric Accuracy => new Accuracy();

    /// <summary>Keras's <c>MeanAbsoluteError</c> metric.</summary>
    public static Metric MeanAbsoluteError => new MeanErrorMetric("mean_absolute_error", squared: false);

    /// <summary>Keras's <c>MeanSquaredError</c> metric.</summary>
    public static Metric MeanSquaredError => new MeanErrorMetric("mean_squared_error", squared: true);
}
