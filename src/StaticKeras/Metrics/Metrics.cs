namespace StaticKeras;

/// <summary>
/// The built-in metrics by their Keras names, with Keras's defaults, for <see cref="Model.Compile"/>.
/// Each access creates a new metric; construct the class (<c>new AUC(curve: "PR")</c>) for other arguments.
/// </summary>
public static class Metrics
{
    /// <summary>Keras's <c>"accuracy"</c>: binary, sparse categorical or categorical accuracy, chosen from the shapes as Keras does.</summary>
    public static Metric Accuracy => new Accuracy();

    /// <summary>Keras's <c>BinaryAccuracy</c> (threshold 0.5).</summary>
    public static Metric BinaryAccuracy => new BinaryAccuracy();

    /// <summary>Keras's <c>CategoricalAccuracy</c>.</summary>
    public static Metric CategoricalAccuracy => new CategoricalAccuracy();

    /// <summary>Keras's <c>SparseCategoricalAccuracy</c>.</summary>
    public static Metric SparseCategoricalAccuracy => new SparseCategoricalAccuracy();

    /// <summary>Keras's <c>TopKCategoricalAccuracy</c> (k = 5).</summary>
    public static Metric TopKCategoricalAccuracy => new TopKCategoricalAccuracy();

    /// <summary>Keras's <c>SparseTopKCategoricalAccuracy</c> (k = 5).</summary>
    public static Metric SparseTopKCategoricalAccuracy => new SparseTopKCategoricalAccuracy();

    /// <summary>Keras's <c>Precision</c> (threshold 0.5).</summary>
    public static Metric Precision => new Precision();

    /// <summary>Keras's <c>Recall</c> (threshold 0.5).</summary>
    public static Metric Recall => new Recall();

    /// <summary>Keras's <c>AUC</c> (ROC, 200 thresholds).</summary>
    public static Metric AUC => new AUC();

    /// <summary>Keras's <c>F1Score</c> (per class, printed as their mean).</summary>
    public static Metric F1Score => new F1Score();

    /// <summary>Keras's <c>MeanSquaredError</c> metric.</summary>
    public static Metric MeanSquaredError => new MeanSquaredErrorMetric();

    /// <summary>Keras's <c>RootMeanSquaredError</c>.</summary>
    public static Metric RootMeanSquaredError => new RootMeanSquaredError();

    /// <summary>Keras's <c>MeanAbsoluteError</c> metric.</summary>
    public static Metric MeanAbsoluteError => new MeanAbsoluteErrorMetric();

    /// <summary>Keras's <c>R2Score</c>.</summary>
    public static Metric R2Score => new R2Score();
}
