using System;
using System.Collections.Generic;

namespace StaticKeras.Onnx;

public static partial class OnnxLayers
{
    /// <summary>
    /// Keras's Dense: <c>activation(x · kernel + bias)</c>, the kernel <c>(inputs, units)</c> as
    /// Keras stores it. A rank-2 input becomes one Gemm; a higher-rank one (Dense applies to the
    /// last axis) MatMul then Add.
    /// </summary>
    /// <param name="g">The graph.</param>
    /// <param name="name">The layer's name (<c>dense</c>).</param>
    /// <param name="input">The value the layer reads.</param>
    /// <param name="kernel">The kernel, <c>(inputs, units)</c> row-major.</param>
    /// <param name="bias">The bias <c>(units)</c>; empty for <c>use_bias=False</c>.</param>
    /// <param name="inputs">The input's last dimension.</param>
    /// <param name="units">Keras's <c>units</c>.</param>
    /// <param name="activation">A Keras activation name (see <see cref="Activation"/>), or null for none.</param>
    /// <param name="rank">The input's rank, batch included.</param>
    public static string Dense(this OnnxGraphBuilder g, string name, string input, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias, int inputs, int units, string? activation = null, int rank = 2)
    {
        ArgumentNullException.ThrowIfNull(g);
        bool activated = activation is not null and not "linear";
        string output = activated ? Step(name, "linear") : name;
        string w = g.AddInitializer(Step(name, "kernel"), [inputs, units], kernel);
        string? b = bias.IsEmpty ? null : g.AddInitializer(Step(name, "bias"), [units], bias);
        if (rank == 2)
        {
            Op(g, "Gemm", name, output, b is null ? [input, w] : [input, w, b]);
        }
        else if (b is null)
        {
            Op(g, "MatMul", name, output, [input, w]);
        }
        else
        {
            Op(g, "Add", Step(name, "add_bias"), output, [Op(g, "MatMul", name, Step(name, "matmul"), [input, w]), b]);
        }

        return activated ? FusedActivation(g, name, output, activation!) : output;
    }

    /// <summary>Keras's Flatten: every dimension after the batch into one (row-major, so channels-last order is kept).</summary>
    public static string Flatten(this OnnxGraphBuilder g, string name, string input) =>
        Op(g, "Flatten", name, name, [input], OnnxAttribute.Int("axis", 1));

    /// <summary>Keras's Reshape to <paramref name="targetShape"/> (without the batch; one entry may be -1).</summary>
    public static string Reshape(this OnnxGraphBuilder g, string name, string input, IReadOnlyList<int> targetShape)
    {
        ArgumentNullException.ThrowIfNull(targetShape);
        var shape = new long[targetShape.Count + 1]; // 0 copies the batch from the input
        for (int i = 0; i < targetShape.Count; i++)
        {
            shape[i + 1] = targetShape[i];
        }

        return Op(g, "Reshape", name, name, [input, Int64s(g, name, "shape", shape)]);
    }

    /// <summary>Keras's Permute: <paramref name="dims"/> numbers the axes from 1, the batch excluded.</summary>
    public static string Permute(this OnnxGraphBuilder g, string name, string input, IReadOnlyList<int> dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        var perm = new long[dims.Count + 1];
        for (int i = 0; i < dims.Count; i++)
        {
            perm[i + 1] = dims[i];
        }

        return Op(g, "Transpose", name, name, [input], OnnxAttribute.Ints("perm", perm));
    }

    /// <summary>Keras's Concatenate along <paramref name="axis"/> (Keras's default -1; the batch is axis 0).</summary>
    public static string Concatenate(this OnnxGraphBuilder g, string name, IReadOnlyList<string> inputs, int axis = -1) =>
        Op(g, "Concat", name, name, inputs, OnnxAttribute.Int("axis", axis));

    /// <summary>Keras's Add: the elementwise sum of two or more values (a chain of Add nodes).</summary>
    public static string Add(this OnnxGraphBuilder g, string name, IReadOnlyList<string> inputs) => Chain(g, "Add", name, inputs);

    /// <summary>Keras's Multiply: the elementwise product of two or more values (a chain of Mul nodes).</summary>
    public static string Multiply(this OnnxGraphBuilder g, string name, IReadOnlyList<string> inputs) => Chain(g, "Mul", name, inputs);

    /// <summary>Keras's Subtract: the first input minus the second.</summary>
    public static string Subtract(this OnnxGraphBuilder g, string name, string first, string second) =>
        Op(g, "Sub", name, name, [first, second]);

    /// <summary>Keras's Average: the elementwise mean of two or more values (ONNX Mean).</summary>
    public static string Average(this OnnxGraphBuilder g, string name, IReadOnlyList<string> inputs) => Variadic(g, "Mean", name, inputs);

    /// <summary>Keras's Maximum: the elementwise maximum of two or more values (ONNX Max).</summary>
    public static string Maximum(this OnnxGraphBuilder g, string name, IReadOnlyList<string> inputs) => Variadic(g, "Max", name, inputs);

    /// <summary>Keras's Minimum: the elementwise minimum of two or more values (ONNX Min).</summary>
    public static string Minimum(this OnnxGraphBuilder g, string name, IReadOnlyList<string> inputs) => Variadic(g, "Min", name, inputs);

    /// <summary>
    /// Keras's Dropout at inference: the identity. Written as ONNX's Dropout with the rate as its
    /// <c>ratio</c> input and no <c>training_mode</c>, which ONNX defines as the identity, so the
    /// layer and its rate stay visible in the exported graph.
    /// </summary>
    public static string Dropout(this OnnxGraphBuilder g, string name, string input, float rate) =>
        Op(g, "Dropout", name, name, [input, Scalar(g, name, "ratio", rate)]);

    /// <summary>
    /// Keras's Embedding: row <c>i</c> of the <c>(inputDim, outputDim)</c> table for each index
    /// <c>i</c>. StaticKeras feeds indices as floats, so a Cast to int64 precedes the Gather.
    /// </summary>
    public static string Embedding(this OnnxGraphBuilder g, string name, string input, ReadOnlySpan<float> embeddings, int inputDim, int outputDim, bool indicesAreFloats = true)
    {
        ArgumentNullException.ThrowIfNull(g);
        string table = g.AddInitializer(Step(name, "embeddings"), [inputDim, outputDim], embeddings);
        string indices = indicesAreFloats
            ? Op(g, "Cast", Step(name, "to_int64"), Step(name, "indices"), [input], OnnxAttribute.Int("to", (long)OnnxDataType.Int64))
            : input;
        return Op(g, "Gather", name, name, [table, indices], OnnxAttribute.Int("axis", 0));
    }

    private static string Variadic(OnnxGraphBuilder g, string opType, string name, IReadOnlyList<string> inputs)
    {
        CheckMerge(name, inputs);
        return Op(g, opType, name, name, inputs);
    }

    private static void CheckMerge(string name, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count < 2)
        {
            throw new ArgumentException($"Merge layer '{name}' needs at least two inputs, but {inputs.Count} were given.", nameof(inputs));
        }
    }

    private static string Chain(OnnxGraphBuilder g, string opType, string name, IReadOnlyList<string> inputs)
    {
        CheckMerge(name, inputs);
        string current = inputs[0];
        for (int i = 1; i < inputs.Count; i++)
        {
            bool last = i == inputs.Count - 1;
            string node = last ? name : Step(name, opType.ToLowerInvariant() + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            current = Op(g, opType, node, node, [current, inputs[i]]);
        }

        return current;
    }
}
