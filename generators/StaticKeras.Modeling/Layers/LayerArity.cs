namespace StaticKeras.Modeling.Layers;

/// <summary>How a layer type takes its inputs.</summary>
internal enum LayerArity
{
    /// <summary>A source of data (<c>[Input]</c>): no inputs.</summary>
    None,

    /// <summary>One input: the <c>Input</c> argument when given, else the layer declared above.</summary>
    One,

    /// <summary>Two or more inputs, named in the constructor (<c>[Add("x", "h")]</c>).</summary>
    Many,
}
