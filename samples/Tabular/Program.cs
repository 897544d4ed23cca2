// Classifies breast tumours (scikit-learn's Wisconsin diagnostic set) as Keras's structured-data
// examples do: an adapted Normalization in front of a small MLP, class weights for the unequal
// classes, AUC next to accuracy; then writes the training curves and the model graph as SVG.
using StaticKeras;
using StaticKeras.Data;
using StaticKeras.Plotting;

string data = Path.Combine(AppContext.BaseDirectory, "data", "sklearn");
TabularData cancer = SklearnDatasets.LoadBreastCancer(data);
var (train, test) = cancer.TrainTestSplit(testSize: 0.2, seed: 42, stratify: true);
int[] counts = train.ClassCounts();
Console.WriteLine($"Breast cancer: {train.Count} training and {test.Count} test tumours, {cancer.FeatureCount} features; training classes {cancer.ClassNames[0]} {counts[0]}, {cancer.ClassNames[1]} {counts[1]}");

var model = new CancerClassifier(seed: 42);
model.Adapt(train.Features); // Keras: normalizer.adapt(x_train)
model.Compile(
    optimizer: new Adam(learningRate: 1e-3f),
    loss: Losses.BinaryCrossentropy,
    metrics: [Metrics.BinaryAccuracy, Metrics.AUC]);
model.Summary();

// Keras's usual balanced weights: n / (classes · n_c), so both classes weigh the same in the loss.
var classWeight = new Dictionary<int, float>
{
    [0] = train.Count / (2f * counts[0]),
    [1] = train.Count / (2f * counts[1]),
};
History history = model.Fit(train.Features, train.Labels, epochs: 40, batchSize: 32, validationSplit: 0.2f, classWeight: classWeight, verbose: 2);

var scores = model.Evaluate(test.Features, test.Labels, verbose: 0);
Console.WriteLine($"Test accuracy: {scores["binary_accuracy"]:0.0000}, AUC: {scores["auc"]:0.0000} (loss {scores["loss"]:0.0000})");

history.WriteSvg("tabular_history.svg", title: "CancerClassifier");
ModelPlot.PlotModel(model, "tabular_model.svg");
Console.WriteLine($"Wrote {Path.GetFullPath("tabular_history.svg")} and {Path.GetFullPath("tabular_model.svg")}");

/// <summary>30 features, normalized with statistics adapted from the training set, then 16 ReLU units with dropout and a sigmoid.</summary>
[Input(30)]
[Normalization]
[Dense(16, Activation = Activation.Relu)]
[Dropout(0.2)]
[Dense(1, Activation = Activation.Sigmoid)]
public partial class CancerClassifier;
