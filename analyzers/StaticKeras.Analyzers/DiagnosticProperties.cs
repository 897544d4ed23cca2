namespace StaticKeras.Analyzers;

/// <summary>Keys of the properties diagnostics carry for code fixes.</summary>
internal static class DiagnosticProperties
{
    /// <summary>The mechanical fix (a name to use, or a layer type to insert).</summary>
    public const string Fix = "Fix";

    /// <summary>The index of the layer at fault.</summary>
    public const string LayerIndex = "LayerIndex";
}
