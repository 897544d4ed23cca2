using System;
using System.Collections.Generic;

namespace StaticKeras;

/// <summary>
/// What the generator knows about a model at compile time, handed to <see cref="Model"/>: shapes,
/// weights and their offsets in the parameter buffer, workspace sizes and the summary table.
/// Generated code creates one per model class; user code reads it through the model.
/// </summary>
public sealed class ModelDefinition
{
    /// <summary>Creates a definition. Called by generated code.</summary>
    public ModelDefinition(
        string name,
        int[][] inputShapes,
        string[] inputNames,
        int[] outputShape,
        LossFusion outputFusion,
        WeightDefinition[] weights,
        int parameterBufferLength,
        WorkspaceLayout training,
        WorkspaceLayout inference,
        string summaryTable,
        int[]? randomSeeds = null,
        LayerDescription[]? layers = null,
        string? kerasConfig = null,
        KerasGroupDefinition[]? kerasGroups = null)
    {
        Name = name;
        InputShapes = inputShapes;
        InputNames = inputNames;
        OutputShape = outputShape;
        OutputFusion = outputFusion;
        Weights = weights;
        ParameterBufferLength = parameterBufferLength;
        Training = training;
        Inference = inference;
        SummaryTable = summaryTable;
        RandomSeeds = randomSeeds ?? [];
        Layers = layers ?? [];
        KerasConfig = kerasConfig;
        KerasGroups = kerasGroups ?? [];
        InputSizes = Array.ConvertAll(inputShapes, Product);
        InputSize = 0;
        foreach (int size in InputSizes)
        {
            InputSize += size;
        }

        OutputSize = Product(outputShape);
        foreach (WeightDefinition w in weights)
        {
            if (w.Trainable)
            {
                TrainableParameterCount += w.Size;
            }
            else
            {
                NonTrainableParameterCount += w.Size;
            }
        }
    }

    /// <summary>The model's name (its class name), shown by <see cref="Model.Summary"/>.</summary>
    public string Name { get; }

    /// <summary>The shape of one sample of each input, without the batch.</summary>
    public IReadOnlyList<int[]> InputShapes { get; }

    /// <summary>The names of the inputs, in declaration order.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>Values per sample of each input.</summary>
    public IReadOnlyList<int> InputSizes { get; }

    /// <summary>Values per sample over all inputs.</summary>
    public int InputSize { get; }

    /// <summary>The shape of one output sample, without the batch.</summary>
    public int[] OutputShape { get; }

    /// <summary>Values per output sample.</summary>
    public int OutputSize { get; }

    /// <summary>Which loss the output layer's activation cancels against (losses fuse with softmax and sigmoid).</summary>
    public LossFusion OutputFusion { get; }

    /// <summary>Every weight in Keras's order (per layer: kernel, bias, ...).</summary>
    public IReadOnlyList<WeightDefinition> Weights { get; }

    /// <summary>Length of the parameter buffer in floats: the parameters plus alignment padding.</summary>
    public int ParameterBufferLength { get; }

    /// <summary>The planned workspace of a training step.</summary>
    public WorkspaceLayout Training { get; }

    /// <summary>The planned workspace of a prediction.</summary>
    public WorkspaceLayout Inference { get; }

    /// <summary>The Keras summary table (without the totals), rendered at compile time.</summary>
    public string SummaryTable { get; }

    /// <summary>
    /// Per random stream the layers draw from (dropout masks, noise), its seed: 0 for the model's
    /// own stream (derived from the model's seed), else the layer's <c>Seed</c>.
    /// </summary>
    public IReadOnlyList<int> RandomSeeds { get; }

    /// <summary>The model's layers as its summary lists them (a block as one layer), in declaration order, for plots and tools.</summary>
    public IReadOnlyList<LayerDescription> Layers { get; }

    /// <summary>
    /// The model's Keras 3 config (what <c>config.json</c> holds under the top level: <c>module</c>,
    /// <c>class_name</c>, <c>config</c>, <c>build_config</c>), written at compile time from each
    /// layer's descriptor; null for a definition built without one.
    /// </summary>
    public string? KerasConfig { get; }

    /// <summary>
    /// The groups of a Keras 3 weights file for this model, in the order Keras writes them: every
    /// layer's <c>vars</c> (weightless layers too) at its key (<c>layers/dense_1</c>, a block's
    /// layers under <c>layers/functional/layers/...</c>), each with the weights it holds.
    /// </summary>
    public IReadOnlyList<KerasGroupDefinition> KerasGroups { get; }

    /// <summary>Trainable parameters.</summary>
    public int TrainableParameterCount { get; }

    /// <summary>Non-trainable parameters (state such as moving averages).</summary>
    public int NonTrainableParameterCount { get; }

    /// <summary>All parameters.</summary>
    public int ParameterCount => TrainableParameterCount + NonTrainableParameterCount;

    /// <summary>
    /// Keras's shape notation: with a batch label, <c>(None, 28, 28, 1)</c>; without,
    /// <c>(784, 128)</c> or <c>(10,)</c>.
    /// </summary>
    public static string FormatShape(ReadOnlySpan<int> shape, string? batch = null)
    {
        var parts = new List<string>(shape.Length + 1);
        if (batch is not null)
        {
            parts.Add(batch);
        }

        foreach (int d in shape)
        {
            parts.Add(d.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return "(" + string.Join(", ", parts) + (parts.Count == 1 && batch is null ? ",)" : ")");
    }

    private static int Product(int[] shape)
    {
        int size = 1;
        foreach (int d in shape)
        {
            size *= d;
        }

        return size;
    }
}

/// <summary>One <c>vars</c> group of the model's Keras 3 weights file.</summary>
/// <param name="Path">The group holding <c>vars</c>: <c>layers/dense_1</c>.</param>
/// <param name="Name">The layer's name, written as the group's <c>name</c> attribute.</param>
/// <param name="Weights">Indices into <see cref="ModelDefinition.Weights"/> of the weights it holds, in Keras's order.</param>
public sealed record KerasGroupDefinition(string Path, string Name, int[] Weights);

/// <summary>One layer of a model as Keras's summary and <c>plot_model</c> show it.</summary>
/// <param name="Name">Its name (<c>dense_1</c>).</param>
/// <param name="ClassName">Its Keras class (<c>Dense</c>; a block's model class).</param>
/// <param name="OutputShape">Its output shape without the batch.</param>
/// <param name="Inputs">The names of the layers it reads; empty for an input.</param>
/// <param name="Parameters">Its parameter count.</param>
public sealed record LayerDescription(string Name, string ClassName, int[] OutputShape, string[] Inputs, int Parameters);

/// <summary>One weight tensor: which layer owns it, its Keras name and shape, where it lives in the parameter buffer.</summary>
/// <param name="Layer">The owning layer's name.</param>
/// <param name="Name">Keras's name for the weight (<c>kernel</c>, <c>bias</c>).</param>
/// <param name="Shape">Its shape in Keras's layout.</param>
/// <param name="Offset">Its first float in the parameter buffer (aligned to 64 bytes).</param>
/// <param name="Initializer">The Keras initializer name it starts from.</param>
/// <param name="FanIn">Fan-in for variance-scaling initializers.</param>
/// <param name="FanOut">Fan-out for variance-scaling initializers.</param>
/// <param name="Trainable">False for non-trainable state.</param>
public sealed record WeightDefinition(string Layer, string Name, int[] Shape, int Offset, string Initializer, int FanIn, int FanOut, bool Trainable = true)
{
    /// <summary>Number of values.</summary>
    public int Size
    {
        get
        {
            int size = 1;
            foreach (int d in Shape)
            {
                size *= d;
            }

            return size;
        }
    }

    /// <summary>Keras's path for the weight: <c>dense/kernel</c>.</summary>
    public string Path => Layer + "/" + Name;
}

/// <summary>
/// A workspace plan: a fixed region of buffers that do not scale with the batch, then floats per
/// sample, and where the output and its gradient live in the per-sample region (an offset there
/// is <c>FixedFloats + batch * perSample</c>); last, the op-local scratch every kernel that needs
/// one shares (a convolution's patch chunks), its size known only at run time.
/// </summary>
/// <param name="FloatsPerSample">Workspace floats per sample.</param>
/// <param name="OutputOffset">Where the model's output starts, per sample (training plan); -1 when the pass writes the caller's buffer.</param>
/// <param name="OutputGradientOffset">Where the loss writes dL/d(output), per sample; -1 for inference.</param>
/// <param name="FixedFloats">Floats at the start of the workspace whatever the batch.</param>
/// <param name="ScratchFloats">Floats of the shared op-local scratch at the end: the largest any call of the pass asks for.</param>
public sealed record WorkspaceLayout(int FloatsPerSample, int OutputOffset, int OutputGradientOffset, int FixedFloats = 0, int ScratchFloats = 0)
{
    /// <summary>The workspace floats a batch of <paramref name="batch"/> samples needs.</summary>
    public int FloatsFor(int batch) => ScratchFloats == 0 ? PlannedFloats(batch) : checked(ScratchStart(batch) + ScratchFloats);

    /// <summary>Where a per-sample offset starts for a batch.</summary>
    public int Start(int perSampleOffset, int batch) => FixedFloats + (perSampleOffset * batch);

    /// <summary>The scratch a pass needs: as many floats as the largest call asks for (generated code sizes it once per model class).</summary>
    /// <param name="sizes">Each call's scratch floats.</param>
    /// <returns>The largest.</returns>
    public static int LargestScratch(params int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        int largest = 0;
        foreach (int size in sizes)
        {
            largest = Math.Max(largest, size);
        }

        return largest;
    }

    /// <summary>Where the shared scratch starts for a batch: after the planned buffers, on a 64-byte boundary.</summary>
    public int ScratchStart(int batch) => checked((PlannedFloats(batch) + 15) & ~15);

    private int PlannedFloats(int batch) => checked(FixedFloats + (batch * FloatsPerSample));
}
