using System.Collections.Generic;

namespace StaticKeras.Onnx;

/// <summary>
/// Which opsets the writer targets, which IR version each needs, and from which opset each
/// operator a Keras layer maps to exists (onnx/docs/Operators.md and Changelog.md).
/// </summary>
public static class OnnxOpsets
{
    /// <summary>The lowest opset the writer accepts: 17 has every operator a Keras layer needs but <c>Gelu</c> and <c>Mish</c>.</summary>
    public const int Minimum = 17;

    /// <summary>The opset the writer imports unless told otherwise.</summary>
    public const int Default = 17;

    /// <summary>The highest opset the writer accepts: ONNX 1.18's, IR version 11.</summary>
    public const int Maximum = 23;

    // The first opset that defines each operator, for those above opset 13 (every other
    // operator the layers use is older than the minimum opset). A model that imports an older
    // opset cannot use them.
    private static readonly Dictionary<string, int> Introduced = new()
    {
        ["LayerNormalization"] = 17,
        ["Mish"] = 18,
        ["Gelu"] = 20,
        ["RMSNormalization"] = 23,
    };

    /// <summary>
    /// The IR version a model importing <paramref name="opset"/> declares (onnx/docs/Versioning.md:
    /// opsets 15-18 came with IR 8, 19-20 with IR 9, 21-22 with IR 10, 23 with IR 11).
    /// </summary>
    public static int IrVersion(int opset) => opset switch
    {
        <= 18 => 8,
        <= 20 => 9,
        <= 22 => 10,
        _ => 11,
    };

    /// <summary>The first opset that defines <paramref name="opType"/> in the standard domain, or <see cref="Minimum"/> for older operators.</summary>
    public static int IntroducedIn(string opType) =>
        Introduced.TryGetValue(opType, out int opset) ? opset : Minimum;
}
