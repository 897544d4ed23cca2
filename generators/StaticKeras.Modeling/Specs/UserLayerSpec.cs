namespace StaticKeras.Modeling.Specs;

/// <summary>
/// What a user layer type declares to the generator: whether it implements <c>ILayer</c>, its
/// shape contract and its weights and caches, as written in its attributes.
/// </summary>
/// <param name="TypeName">The type, fully qualified for generated code (<c>global::MyApp.RmsNorm</c>).</param>
/// <param name="Name">Its simple name (<c>RmsNorm</c>), the Keras class name the summary shows.</param>
/// <param name="ImplementsLayer">True when it implements <c>StaticKeras.ILayer</c>.</param>
/// <param name="Contract">Its <c>[LayerShape]</c> text, or null when it has none.</param>
/// <param name="Weights">Its <c>[LayerWeight]</c>s in declaration order.</param>
/// <param name="Caches">Its <c>[LayerCache]</c>s in declaration order.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record UserLayerSpec(
    string TypeName,
    string Name,
    bool ImplementsLayer,
    string? Contract,
    EquatableArray<UserWeightSpec> Weights,
    EquatableArray<UserCacheSpec> Caches)
{
    /// <summary>The attribute's numeric and boolean arguments' <c>[DefaultValue]</c>s, used where the user wrote none.</summary>
    public EquatableArray<(string Name, double Value)> Defaults { get; init; }

    /// <summary>True when the type declares a static <c>ExportOnnx</c> (ILayer's optional ONNX form).</summary>
    public bool ExportsOnnx { get; init; }
}

/// <summary>A <c>[LayerWeight(name, shape)]</c> on a user layer.</summary>
/// <remarks>Equality: by value.</remarks>
internal sealed record UserWeightSpec(string Name, string Shape, string Initializer, bool Trainable);

/// <summary>A <c>[LayerCache(name, shape)]</c> on a user layer.</summary>
/// <remarks>Equality: by value.</remarks>
internal sealed record UserCacheSpec(string Name, string Shape);
