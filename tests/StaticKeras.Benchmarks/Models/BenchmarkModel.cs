namespace StaticKeras.Benchmarks.Models;

/// <summary>
/// One benchmark model: how to build and compile it, its random data (the peers' distributions:
/// uniform [0, 1) inputs, uniform class labels), and the names the peer harness prints for it.
/// </summary>
public sealed class BenchmarkModel
{
    private BenchmarkModel(string name, string trainName, int inputs, int outputs, int classes, Func<Model> create, Func<Loss> loss, string hiddenActivation, string outputActivation)
    {
        Name = name;
        TrainName = trainName;
        Inputs = inputs;
        Outputs = outputs;
        Classes = classes;
        this.create = create;
        this.loss = loss;
        HiddenActivation = hiddenActivation;
        OutputActivation = outputActivation;
    }

    private readonly Func<Model> create;
    private readonly Func<Loss> loss;

    /// <summary>The MLP 784-128-10 (ReLU, softmax cross-entropy, Adam 1e-3).</summary>
    public static BenchmarkModel Mlp { get; } = new("MLP 784-128-10", "MLP 784-128-10 Adam", 784, 10, 10, () => new Mlp(seed: 0), () => Losses.SparseCategoricalCrossentropy, "Relu", "Softmax");

    /// <summary>The tiny 4-8-1 (ReLU, sigmoid, binary cross-entropy, Adam 1e-3).</summary>
    public static BenchmarkModel Tiny { get; } = new("Tiny 4-8-1", "Tiny 4-8-1 Adam BCE", 4, 1, 2, () => new Tiny(seed: 0), () => Losses.BinaryCrossentropy, "Relu", "Sigmoid");

    /// <summary>The CNN c32-p-c64-p-d10 on 28×28×1 (ReLU, softmax cross-entropy, Adam 1e-3).</summary>
    public static BenchmarkModel Cnn { get; } = new("CNN c32-p-c64-p-d10", "CNN c32-p-c64-p-d10 Adam", 28 * 28, 10, 10, () => new Cnn(seed: 0), () => Losses.SparseCategoricalCrossentropy, "Relu", "Softmax");

    /// <summary>The name in INFER lines (as the peer prints it).</summary>
    public string Name { get; }

    /// <summary>The name in TRAIN lines (as the peer prints it).</summary>
    public string TrainName { get; }

    public int Inputs { get; }

    public int Outputs { get; }

    /// <summary>Label values are drawn from 0 .. Classes − 1 (class ids, or 0/1 targets).</summary>
    public int Classes { get; }

    /// <summary>The ONNX operator of the hidden layer's activation.</summary>
    public string HiddenActivation { get; }

    /// <summary>The ONNX operator of the output layer's activation.</summary>
    public string OutputActivation { get; }

    /// <summary>A fresh model with seeded weights, compiled with Adam 1e-3 and the model's loss.</summary>
    public Model CreateCompiled()
    {
        Model model = create();
        model.Compile(optimizer: new Adam(learningRate: 1e-3f), loss: loss());
        return model;
    }

    /// <summary>A seeded batch: inputs in [0, 1) and one label per sample.</summary>
    public (float[] X, float[] Y) Batch(int batch, int seed = 1)
    {
        var random = new Random(seed);
        var x = new float[batch * Inputs];
        var y = new float[batch];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)random.NextDouble();
        }

        for (int i = 0; i < y.Length; i++)
        {
            y[i] = random.Next(Classes);
        }

        return (x, y);
    }
}
