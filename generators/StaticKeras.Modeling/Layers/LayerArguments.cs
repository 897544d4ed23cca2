using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers;

/// <summary>
/// A layer's arguments as its descriptor parses them: typed reads with Keras's defaults, and the
/// checks most layers share (a positive count, a known initializer, an activation), each reporting
/// an error on the argument at fault.
/// </summary>
internal sealed class LayerArguments
{
    private const string BuiltInNamespace = "global::StaticKeras.Activations.";

    private readonly List<ModelError> errors;
    private readonly EquatableArray<ActivationSpec> activations;

    internal LayerArguments(LayerSpec spec, string title, EquatableArray<ActivationSpec> activations, List<ModelError> errors)
    {
        Spec = spec;
        Title = title;
        this.activations = activations;
        this.errors = errors;
    }

    /// <summary>The layer as declared.</summary>
    public LayerSpec Spec { get; }

    /// <summary>How messages name the layer: <c>Dense 'dense_1'</c>.</summary>
    public string Title { get; }

    /// <summary>True once any argument was reported.</summary>
    public bool Failed { get; private set; }

    /// <summary>True when the user wrote the argument.</summary>
    public bool Has(string argument) => Spec.Find(argument) is not null;

    /// <summary>The argument as the user wrote it, for messages (<c>nothing</c> when absent).</summary>
    public string Written(string argument) => Spec.Find(argument)?.Value.ToString() ?? "nothing";

    /// <summary>An integer argument, or <paramref name="fallback"/> when absent; a fraction is reported.</summary>
    public int Int(string argument, int fallback)
    {
        ArgumentValue? v = Spec.Find(argument)?.Value;
        if (v is null)
        {
            return fallback;
        }

        if (v.Kind == ArgumentKind.Number && IsWhole(v.Number))
        {
            return (int)v.Number;
        }

        Error(ErrorKind.InvalidHyperparameter, argument, $"{Title}: {argument} must be a whole number; got {v}.");
        return fallback;
    }

    /// <summary>A number argument, or <paramref name="fallback"/> when absent.</summary>
    public double Number(string argument, double fallback)
    {
        ArgumentValue? v = Spec.Find(argument)?.Value;
        return v is { Kind: ArgumentKind.Number } ? v.Number : fallback;
    }

    /// <summary>A bool argument, or <paramref name="fallback"/> when absent.</summary>
    public bool Bool(string argument, bool fallback)
    {
        ArgumentValue? v = Spec.Find(argument)?.Value;
        return v is { Kind: ArgumentKind.Boolean } ? v.Number != 0 : fallback;
    }

    /// <summary>A string argument, or <paramref name="fallback"/> when absent or null.</summary>
    public string Text(string argument, string fallback)
    {
        ArgumentValue? v = Spec.Find(argument)?.Value;
        return v is { Kind: ArgumentKind.Text, Text: { } text } ? text : fallback;
    }

    /// <summary>An integer-array argument, or null when absent; fractions are reported.</summary>
    public int[]? Ints(string argument)
    {
        ArgumentValue? v = Spec.Find(argument)?.Value;
        if (v is not { Kind: ArgumentKind.NumberArray })
        {
            return null;
        }

        if (v.Numbers.Any(n => !IsWhole(n)))
        {
            Error(ErrorKind.InvalidHyperparameter, argument, $"{Title}: {argument} must hold whole numbers; got {v}.");
            return null;
        }

        return v.Numbers.Select(n => (int)n).ToArray();
    }

    /// <summary>A string-array argument, or an empty array when absent.</summary>
    public string[] Texts(string argument) =>
        Spec.Find(argument)?.Value is { Kind: ArgumentKind.TextArray } v ? v.Texts.ToArray() : new string[0];

    /// <summary>A count that must be at least 1, such as <c>Units</c>; reports anything else with <paramref name="example"/>.</summary>
    public int PositiveInt(string argument, string meaning, string example)
    {
        ArgumentValue? v = Spec.Find(argument)?.Value;
        if (v is { Kind: ArgumentKind.Number } && IsWhole(v.Number) && v.Number >= 1)
        {
            return (int)v.Number;
        }

        Error(ErrorKind.InvalidHyperparameter, argument, $"{Title}: {argument} must be a positive whole number; got {Written(argument)}. Set it to {meaning}, for example {example}.");
        return 0;
    }

    /// <summary>A Keras initializer name, <paramref name="fallback"/> when absent; an unknown name is reported with the closest one.</summary>
    public string Initializer(string argument, string fallback)
    {
        string initializer = Text(argument, fallback);
        if (KnownInitializers.Contains(initializer))
        {
            return initializer;
        }

        string? closest = NameSuggestion.Closest(initializer, KnownInitializers.Names);
        Error(
            ErrorKind.InvalidHyperparameter,
            argument,
            $"{Title}: {argument} \"{initializer}\" is not a Keras initializer name. Use one of {string.Join(", ", KnownInitializers.Names)}{(closest is null ? "" : $" (did you mean \"{closest}\"?)")}.");
        return fallback;
    }

    /// <summary>
    /// An activation argument: a Keras name (<c>"relu"</c>) or an <c>IActivation</c> type; linear
    /// when absent or null. Reports an unknown name or a type that does not declare itself.
    /// </summary>
    public ActivationSpec? Activation(string argument)
    {
        ArgumentValue? v = Spec.Find(argument)?.Value;
        if (v is null || v.Kind == ArgumentKind.Null)
        {
            return FindActivation("linear");
        }

        if (v.Kind == ArgumentKind.Type)
        {
            ActivationSpec? type = activations.FirstOrDefault(a => a.TypeName == v.Text);
            if (type is { Problem: null })
            {
                return type;
            }

            Error(ErrorKind.InvalidModule, argument, $"{Title}: {argument} {v} cannot be used: {type?.Problem ?? "the type is not an activation"}.");
            return null;
        }

        string name = v.Kind == ArgumentKind.Text ? v.Text ?? string.Empty : v.ToString();
        ActivationSpec? found = FindActivation(name);
        if (found is null)
        {
            IEnumerable<string> names = activations.Where(a => a.Problem is null && a.TypeName.StartsWith(BuiltInNamespace, StringComparison.Ordinal)).Select(a => a.KerasName);
            string? closest = NameSuggestion.Closest(name, names);
            Error(
                ErrorKind.InvalidHyperparameter,
                argument,
                $"{Title}: {argument} {v} is not a Keras activation StaticKeras has. Use one of {string.Join(", ", names.Select(n => "\"" + n + "\""))}{(closest is null ? string.Empty : $" (did you mean \"{closest}\"?)")}, or typeof(a type implementing IActivation).");
        }

        return found;
    }

    /// <summary>The built-in activation of that Keras name (a layer such as Softmax naming the function it applies), or null.</summary>
    public ActivationSpec? BuiltInActivation(string kerasName) => FindActivation(kerasName);

    /// <summary>Reports a problem with this layer's arguments.</summary>
    public void Error(ErrorKind kind, string? argument, string message, int position = -1)
    {
        Failed = true;
        errors.Add(new ModelError(kind, Spec.Index, argument, message, position));
    }

    /// <summary>Formats a number as C# would show it in an attribute.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private ActivationSpec? FindActivation(string name) =>
        activations.FirstOrDefault(a => a.Problem is null && (a.KerasName == name || a.Aliases.Contains(name)));

    private static bool IsWhole(double value) => value == Math.Floor(value) && value >= int.MinValue && value <= int.MaxValue;
}
