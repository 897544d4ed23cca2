using System.Collections.Generic;
using System.Linq;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Shapes;

/// <summary>
/// What a descriptor's shape rule sees of one layer: its input shapes, and where to put its
/// output shape, weights and errors.
/// </summary>
internal sealed class LayerInference
{
    private readonly List<ModelError> errors;
    private readonly List<WeightSpec> weights = new();
    private readonly IReadOnlyList<string> inputNames;

    internal LayerInference(LayerSpec spec, string title, IReadOnlyList<Shape> inputShapes, IReadOnlyList<string> inputNames, List<ModelError> errors)
    {
        Spec = spec;
        Title = title;
        InputShapes = inputShapes;
        this.inputNames = inputNames;
        this.errors = errors;
    }

    /// <summary>The layer as declared.</summary>
    public LayerSpec Spec { get; }

    /// <summary>How messages name the layer: <c>Dense 'dense_1'</c>.</summary>
    public string Title { get; }

    /// <summary>The shapes of its inputs, in argument order.</summary>
    public IReadOnlyList<Shape> InputShapes { get; }

    /// <summary>The first (for most layers, the only) input shape.</summary>
    public Shape Input => InputShapes[0];

    /// <summary>The output shape, once <see cref="SetOutput"/> accepted it.</summary>
    public Shape? Output { get; private set; }

    /// <summary>The weights declared so far, in Keras's order.</summary>
    public IReadOnlyList<WeightSpec> Weights => weights;

    /// <summary>For a block: its own inferred graph, which shape inference inlines in place of the layer.</summary>
    public ModelGraph? Inlined { get; set; }

    /// <summary>True once any error was reported for this layer.</summary>
    public bool Failed { get; private set; }

    /// <summary>The name of input <paramref name="i"/>.</summary>
    public string InputName(int i) => inputNames[i];

    /// <summary>Sets the output shape; a dimension below 1 is reported instead.</summary>
    public void SetOutput(Shape shape, string? argument = null)
    {
        if (!shape.IsValid)
        {
            Error(
                ErrorKind.NonPositiveDimension,
                argument,
                $"{Title} would output {shape}, {(shape.Size == 0 && shape.Dims.All(d => d > 0) ? "which has more than 2^31 values per sample" : "which has a dimension below 1")}. Change the layer's arguments or its input so every output dimension is at least 1.");
            return;
        }

        Output = shape;
    }

    /// <summary>Declares a weight in Keras's order (trainable ones first, as Keras lists them).</summary>
    /// <param name="name">Keras's name (<c>kernel</c>).</param>
    /// <param name="dims">Its shape in Keras's layout.</param>
    /// <param name="initializer">A Keras initializer name, already validated.</param>
    /// <param name="fanIn">Fan-in for variance-scaling initializers.</param>
    /// <param name="fanOut">Fan-out for variance-scaling initializers.</param>
    /// <param name="trainable">False for state the optimizer must not touch.</param>
    public void AddWeight(string name, Shape dims, string initializer, int fanIn, int fanOut, bool trainable = true)
    {
        if (dims.Size == 0)
        {
            Error(ErrorKind.TooLarge, null, $"{Title}'s {name} would have shape {dims.ToStringWithoutBatch()}, more than 2^31 values. Make the layer or its input smaller.");
            return;
        }

        weights.Add(new WeightSpec(name, dims.Dims, initializer, fanIn, fanOut, trainable));
    }

    /// <summary>Reports a problem with this layer.</summary>
    public void Error(ErrorKind kind, string? argument, string message, int position = -1, string? fix = null)
    {
        Failed = true;
        errors.Add(new ModelError(kind, Spec.Index, argument, message, position, fix));
    }
}
