namespace StaticKeras.Modeling.Layers;

/// <summary>
/// A layer's typed configuration: its arguments parsed and validated once, with Keras's names and
/// defaults. Each descriptor declares its own record; planning and emitting read only that.
/// </summary>
/// <remarks>Equality: by value (records), so the generator caches on graphs that hold configs.</remarks>
internal abstract record LayerConfig;

/// <summary>The configuration of a layer with no arguments of its own (Flatten, Add).</summary>
internal sealed record NoConfig : LayerConfig
{
    public static NoConfig Instance { get; } = new();
}
