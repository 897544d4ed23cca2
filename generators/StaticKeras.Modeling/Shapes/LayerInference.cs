using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Shapes;

/// <summary>
/// What a <see cref="LayerRule"/> sees of one layer while shapes are inferred: its arguments, its
/// input shapes, and where to put its output shape, weights and errors.
/// </summary>
internal sealed class LayerInference
{
    private readonly List<ModelError> errors;
    private readonly List<WeightSpec> weights = new();
    private readonly IReadOnlyList<string> inputNames;
    private bool failed;

    internal LayerInference(LayerSpec spec, LayerRule rule, string name, IReadOnlyList<Shape> inputShapes, IReadOnlyList<string> inputNames, List<ModelError> errors)
    {
        Spec = spec;
        Rule = rule;
        Name = name;
        InputShapes = inputShapes;
        this.inputNames = inputNames;
        this.errors = errors;
    }

    public LayerSpec Spec { get; }

    public LayerRule Rule { get; }

    /// <summary>The layer's resolved name.</summary>
    public string Name { get; }

    /// <summary>The shapes of its inputs, in argument order.</summary>
    public IReadOnlyList<Shape> InputShapes { get; }

    /// <summary>The first (for most layers, the only) input shape.</summary>
    public Shape Input => InputShapes[0];

    /// <summary>How messages name the layer: <c>Dense 'dense_1'</c>.</summary>
    public string Title => Rule.KerasClassName + " '" + Name + "'";

    /// <summary>The output shape, once <see cref="SetOutput"/> accepted it.</summary>
    public Shape? Output { get; private set; }

    public IReadOnlyList<WeightSpec> Weights => weights;

    /// <summary>True once any error was reported for this layer.</summary>
    public bool Failed => failed;

    /// <summary>The name of input <paramref name="i"/>.</summary>
    public string InputName(int i) => inputNames[i];

    public bool Has(string argument) => Spec.Find(argument) is not null;

    /// <summary>An integer argument, or <paramref name="fallback"/> when it is absent or not a whole number.</summary>
    public int Int(string argument, int fallback)
    {
        ArgumentValue? v = Spec.Find(argument)?.Value;
        return v is { Kind: ArgumentKind.Number } && IsWhole(v.Number) ? (int)v.Number : fallback;
    }

    public double Number(string argument, double fallback)
    {
        ArgumentValue? v = Spec.Find(argument)?.Value;
        return v is { Kind: ArgumentKind.Number } ? v.Number : fallback;
    }

    public bool Bool(string argument, bool fallback)
    {
        ArgumentValue? v = Spec.Find(argument)?.Value;
        return v is { Kind: ArgumentKind.Boolean } ? v.Number != 0 : fallback;
    }

    public string? Text(string argument, string? fallback)
    {
        ArgumentValue? v = Spec.Find(argument)?.Value;
        return v is { Kind: ArgumentKind.Text } ? v.Text : fallback;
    }

    /// <summary>An enum argument's member name, <paramref name="fallback"/> when absent, null for an undefined value.</summary>
    public string? Enum(string argument, string fallback)
    {
        ArgumentValue? v = Spec.Find(argument)?.Value;
        return v is null ? fallback : v.Kind == ArgumentKind.EnumMember ? v.Text : null;
    }

    /// <summary>An integer-array argument, or null when absent; non-whole numbers become 0 (and fail range checks).</summary>
    public int[]? Ints(string argument)
    {
        ArgumentValue? v = Spec.Find(argument)?.Value;
        return v is { Kind: ArgumentKind.NumberArray } ? v.Numbers.Select(n => IsWhole(n) ? (int)n : 0).ToArray() : null;
    }

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

    /// <summary>Declares a weight in Keras's order; <paramref name="initializerArgument"/> names the argument that can override <paramref name="defaultInitializer"/>.</summary>
    public void AddWeight(string name, Shape dims, string initializerArgument, string defaultInitializer, int fanIn, int fanOut, bool trainable = true)
    {
        string initializer = Text(initializerArgument, defaultInitializer) ?? defaultInitializer;
        if (!KnownInitializers.Contains(initializer))
        {
            string? closest = NameSuggestion.Closest(initializer, KnownInitializers.Names);
            Error(
                ErrorKind.InvalidHyperparameter,
                initializerArgument,
                $"{Title}: {initializerArgument} \"{initializer}\" is not a Keras initializer name. Use one of {string.Join(", ", KnownInitializers.Names)}{(closest is null ? "" : $" (did you mean \"{closest}\"?)")}.");
            return;
        }

        if (dims.Size == 0)
        {
            Error(
                ErrorKind.TooLarge,
                null,
                $"{Title}'s {name} would have shape {dims.ToStringWithoutBatch()}, more than 2^31 values. Make the layer or its input smaller.");
            return;
        }

        weights.Add(new WeightSpec(name, dims.Dims, initializer, fanIn, fanOut, trainable));
    }

    /// <summary>Reports a problem with this layer.</summary>
    public void Error(ErrorKind kind, string? argument, string message, int position = -1, string? fix = null)
    {
        failed = true;
        errors.Add(new ModelError(kind, Spec.Index, argument, message, position, fix));
    }

    /// <summary>Formats a number as C# would show it in an attribute.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool IsWhole(double value) => value == Math.Floor(value) && value >= int.MinValue && value <= int.MaxValue;
}
