using System;

namespace StaticKeras;

/// <summary>
/// The base of every layer attribute. Layer attributes on a <c>partial</c> class declare a model,
/// in order; the StaticKeras generator turns them into the class's forward and backward passes.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public abstract class LayerAttribute : Attribute
{
    /// <summary>
    /// The layer's name, as Keras's <c>name</c>: other layers read it by this name
    /// (<c>Input = "h"</c>, <c>[Add("x", "h")]</c>), and summaries and weights show it. Defaults
    /// to Keras's snake_case name with a number for repeats (<c>dense</c>, <c>dense_1</c>).
    /// </summary>
    public string? Name { get; set; }
}

/// <summary>A layer with one input: by default the layer declared above it.</summary>
public abstract class SingleInputLayerAttribute : LayerAttribute
{
    /// <summary>The name of the layer to read instead of the one declared above (Keras: <c>layer(x)</c>).</summary>
    public string? Input { get; set; }
}

/// <summary>A layer that merges two or more named layers (Keras's merge layers).</summary>
public abstract class MergeLayerAttribute : LayerAttribute
{
    /// <summary>Creates the merge of the named layers.</summary>
    /// <param name="inputs">The names of the layers to merge, two or more.</param>
    protected MergeLayerAttribute(string[] inputs) => Inputs = inputs;

    /// <summary>The names of the layers merged, in order.</summary>
    public string[] Inputs { get; }
}
