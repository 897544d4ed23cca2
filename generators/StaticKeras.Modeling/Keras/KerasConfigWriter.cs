using System.Collections.Generic;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Keras;

/// <summary>
/// What a descriptor writes its Keras <c>get_config()</c> into: the layer's arguments under
/// Keras's names, with Keras's value forms (floats with a point, <c>None</c> as null, initializers
/// serialized as classes). The base members (<c>name</c>, <c>trainable</c>, <c>dtype</c>) are
/// written for every layer before the descriptor's own.
/// </summary>
internal sealed class KerasConfigWriter
{
    private readonly KerasJson json;

    internal KerasConfigWriter(KerasJson json) => this.json = json;

    /// <summary>An integer argument.</summary>
    public KerasConfigWriter Int(string key, int value) => Raw(key, KerasJson.Int(value));

    /// <summary>A float argument.</summary>
    public KerasConfigWriter Float(string key, double value) => Raw(key, KerasJson.Float(value));

    /// <summary>A float argument that is <c>None</c> when infinite (ReLU's <c>max_value</c>).</summary>
    public KerasConfigWriter FloatOrNone(string key, double value) => Raw(key, double.IsInfinity(value) ? "null" : KerasJson.Float(value));

    /// <summary>A bool argument.</summary>
    public KerasConfigWriter Bool(string key, bool value) => Raw(key, KerasJson.Bool(value));

    /// <summary>A string argument.</summary>
    public KerasConfigWriter Text(string key, string value) => Raw(key, KerasJson.Quote(value));

    /// <summary>An argument that is <c>None</c> (regularizers, constraints StaticKeras does not have).</summary>
    public KerasConfigWriter None(string key) => Raw(key, "null");

    /// <summary>Several <c>None</c> arguments.</summary>
    public KerasConfigWriter None(params string[] keys)
    {
        foreach (string key in keys)
        {
            None(key);
        }

        return this;
    }

    /// <summary>A list of integers (a tuple), or <c>None</c> when <paramref name="values"/> is null.</summary>
    public KerasConfigWriter Ints(string key, IEnumerable<int>? values) => Raw(key, values is null ? "null" : KerasJson.Ints(values));

    /// <summary>A list of floats, or <c>None</c> when <paramref name="values"/> is null.</summary>
    public KerasConfigWriter Floats(string key, IEnumerable<double>? values) => Raw(key, values is null ? "null" : KerasJson.Floats(values));

    /// <summary>An activation by its Keras name (<c>activations.serialize</c> gives the name of a built-in).</summary>
    public KerasConfigWriter Activation(string key, ActivationSpec activation) => Text(key, activation.KerasName);

    /// <summary>An initializer, serialized as Keras 3 writes it.</summary>
    public KerasConfigWriter Initializer(string key, string name) => Raw(key, KerasInitializers.Serialize(name));

    /// <summary>A layer seed: <c>None</c> when 0 (StaticKeras's "draw from the model's stream").</summary>
    public KerasConfigWriter Seed(string key, int seed) => Raw(key, seed == 0 ? "null" : KerasJson.Int(seed));

    /// <summary>A member whose value is JSON text already.</summary>
    public KerasConfigWriter Raw(string key, string value)
    {
        json.Raw(key, value);
        return this;
    }
}
