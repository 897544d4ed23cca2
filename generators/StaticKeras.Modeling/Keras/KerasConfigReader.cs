using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using StaticKeras.Modeling.Specs;
using StaticKeras.Saving.Json;

namespace StaticKeras.Modeling.Keras;

/// <summary>
/// What a descriptor reads a Keras layer config from (the reverse of <see cref="KerasConfigWriter"/>):
/// each read turns one config member into the attribute argument a declaration would write, and
/// marks it read. Members nobody read, and values StaticKeras cannot express, become problems that
/// the <c>[KerasModel]</c> diagnostic names (layer, argument, value).
/// </summary>
internal sealed class KerasConfigReader
{
    private readonly JsonValue config;
    private readonly HashSet<string> read = new(StringComparer.Ordinal);
    private readonly List<ArgumentSpec> arguments = new();
    private readonly List<string> problems = new();

    internal KerasConfigReader(JsonValue config, string title)
    {
        this.config = config;
        Title = title;
    }

    /// <summary>How problems name the layer: <c>Dense 'dense_1'</c>.</summary>
    public string Title { get; }

    /// <summary>The attribute arguments read so far.</summary>
    public IReadOnlyList<ArgumentSpec> Arguments => arguments;

    /// <summary>What could not be expressed, as sentences.</summary>
    public IReadOnlyList<string> Problems => problems;

    /// <summary>The member <paramref name="key"/> (marked read), or null when absent.</summary>
    public JsonValue? Value(string key)
    {
        read.Add(key);
        return config[key];
    }

    /// <summary>Adds an attribute argument directly (for values a descriptor computes).</summary>
    public void Argument(string argument, ArgumentValue value) => arguments.Add(new ArgumentSpec(argument, value, IsNamed: true));

    /// <summary>An integer member as <paramref name="argument"/>; absent or null leaves the attribute's default.</summary>
    public void Int(string key, string argument) => Convert(key, argument, v => v.Kind == JsonKind.Number && IsWhole(v) ? ArgumentValue.FromNumber(Number(v)) : null, "a whole number");

    /// <summary>A number member as <paramref name="argument"/>.</summary>
    public void Number(string key, string argument) => Convert(key, argument, v => v.Kind == JsonKind.Number ? ArgumentValue.FromNumber(Number(v)) : null, "a number");

    /// <summary>A bool member as <paramref name="argument"/>.</summary>
    public void Bool(string key, string argument) => Convert(key, argument, v => v.Kind is JsonKind.True or JsonKind.False ? ArgumentValue.FromBoolean(v.Kind == JsonKind.True) : null, "true or false");

    /// <summary>A string member as <paramref name="argument"/>.</summary>
    public void Text(string key, string argument) => Convert(key, argument, v => v.Kind == JsonKind.String ? ArgumentValue.FromText(v.Text) : null, "a string");

    /// <summary>A list of integers (or one integer) as <paramref name="argument"/>.</summary>
    public void Ints(string key, string argument) => Convert(
        key,
        argument,
        v => v.Kind == JsonKind.Number && IsWhole(v) ? ArgumentValue.FromNumbers(Number(v))
            : v.Kind == JsonKind.Array && v.Items.All(i => i.Kind == JsonKind.Number && IsWhole(i)) ? ArgumentValue.FromNumbers(v.Items.Select(Number).ToArray())
            : null,
        "a list of whole numbers");

    /// <summary>Nested lists of integers (<c>[[1, 1], [2, 2]]</c>) flattened in order, or one integer, as <paramref name="argument"/>.</summary>
    public void NestedInts(string key, string argument) => Convert(
        key,
        argument,
        v => Flatten(v) is { } values ? ArgumentValue.FromNumbers(values) : null,
        "whole numbers, or lists of them");

    /// <summary>A list of numbers (or one number) as <paramref name="argument"/>.</summary>
    public void Numbers(string key, string argument) => Convert(
        key,
        argument,
        v => v.Kind == JsonKind.Number ? ArgumentValue.FromNumbers(Number(v))
            : v.Kind == JsonKind.Array && v.Items.All(i => i.Kind == JsonKind.Number) ? ArgumentValue.FromNumbers(v.Items.Select(Number).ToArray())
            : null,
        "a list of numbers");

    /// <summary>An activation (a Keras name, or Keras 3's serialized function) as <paramref name="argument"/>.</summary>
    public void Activation(string key, string argument) => Convert(
        key,
        argument,
        v => v.Kind == JsonKind.String ? ArgumentValue.FromText(v.Text)
            : v.Kind == JsonKind.Object && v["config"] is { Kind: JsonKind.String } name ? ArgumentValue.FromText(name.Text)
            : null,
        "an activation name");

    /// <summary>An initializer (alias or serialized class) as <paramref name="argument"/>.</summary>
    public void Initializer(string key, string argument) => Convert(
        key,
        argument,
        v => KerasInitializers.Parse(v) is { } name ? ArgumentValue.FromText(name) : null,
        "an initializer StaticKeras has (" + string.Join(", ", KerasInitializers.Names) + ")");

    /// <summary>Members that do not change what the layer computes here (read, not kept).</summary>
    public void Ignore(params string[] keys)
    {
        foreach (string key in keys)
        {
            read.Add(key);
        }
    }

    /// <summary>Members StaticKeras has no counterpart for, accepted only as <c>None</c> (regularizers, constraints).</summary>
    public void MustBeNone(params string[] keys)
    {
        foreach (string key in keys)
        {
            if (Value(key) is { Kind: not JsonKind.Null } v)
            {
                Problem(key, v, "StaticKeras supports only None here");
            }
        }
    }

    /// <summary>A member that must have one value (<c>data_format: "channels_last"</c>) when present.</summary>
    public void MustBe(string key, string expected)
    {
        if (Value(key) is { } v && !(v.Kind == JsonKind.String && v.Text == expected))
        {
            Problem(key, v, $"StaticKeras supports only \"{expected}\"");
        }
    }

    /// <summary>Reports member <paramref name="key"/> as unsupported.</summary>
    public void Problem(string key, JsonValue value, string why) =>
        problems.Add($"{Title}: argument '{key}' = {Show(value)} cannot be imported: {why}");

    /// <summary>Reports the members nobody read; called once the descriptor is done.</summary>
    internal void ReportUnread()
    {
        foreach (KeyValuePair<string, JsonValue> m in config.Members)
        {
            if (!read.Contains(m.Key))
            {
                Problem(m.Key, m.Value, "StaticKeras's layer has no such argument");
            }
        }
    }

    private static double[]? Flatten(JsonValue v)
    {
        if (v.Kind == JsonKind.Number)
        {
            return IsWhole(v) ? new[] { Number(v) } : null;
        }

        if (v.Kind != JsonKind.Array)
        {
            return null;
        }

        var values = new List<double>();
        foreach (JsonValue item in v.Items)
        {
            if (Flatten(item) is not { } inner)
            {
                return null;
            }

            values.AddRange(inner);
        }

        return values.ToArray();
    }

    /// <summary>A JSON value as a message shows it.</summary>
    public static string Show(JsonValue v) => v.Kind switch
    {
        JsonKind.String => "\"" + v.Text + "\"",
        JsonKind.Array => "[" + string.Join(", ", v.Items.Select(Show)) + "]",
        JsonKind.Object => v["class_name"] is { Kind: JsonKind.String } c ? c.Text + "(...)" : "{...}",
        _ => v.Text,
    };

    /// <summary>A number member's value.</summary>
    public static double Number(JsonValue v) => v.Text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static bool IsWhole(JsonValue v)
    {
        double d = Number(v);
        return d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue;
    }

    private void Convert(string key, string argument, Func<JsonValue, ArgumentValue?> convert, string expected)
    {
        JsonValue? v = Value(key);
        if (v is null || v.Kind == JsonKind.Null)
        {
            return;
        }

        if (convert(v) is { } value)
        {
            arguments.Add(new ArgumentSpec(argument, value, IsNamed: true));
        }
        else
        {
            Problem(key, v, "expected " + expected);
        }
    }
}
