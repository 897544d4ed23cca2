namespace StaticKeras.Generators;

/// <summary>Names of the pipeline's steps, so tests can check what each rebuild recomputed.</summary>
internal static class TrackingNames
{
    /// <summary>Attribute data read into a <c>ModelSpec</c>.</summary>
    public const string Spec = "Spec";

    /// <summary>Shape inference: <c>ModelSpec</c> to <c>ModelGraph</c>.</summary>
    public const string Graph = "Graph";

    /// <summary>Lowering: <c>ModelGraph</c> to <c>ModelPlan</c>.</summary>
    public const string Plan = "Plan";

    /// <summary>A <c>[KerasModel]</c> file imported into a spec.</summary>
    public const string KerasImport = "KerasImport";

    /// <summary>The emitted source files.</summary>
    public const string Source = "Source";
}
