using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers;

/// <summary>What the descriptors' ONNX exports share: activations by Keras name, shapes as collection expressions.</summary>
internal static class OnnxForms
{
    private const string BuiltIn = "global::StaticKeras.Activations.";

    /// <summary>
    /// The activation's Keras name for the ONNX writer, or null (and the layer marked unexportable)
    /// for a user activation, which ONNX has no operator for.
    /// </summary>
    public static OpArg? Activation(ActivationSpec activation, LayerLowering export)
    {
        if (!activation.TypeName.StartsWith(BuiltIn, System.StringComparison.Ordinal))
        {
            export.CannotExport($"its activation {activation.KerasName} ({activation.TypeName.Replace("global::", string.Empty)}) is a user type with no ONNX operator");
            return null;
        }

        return OpArg.Code(LayerLowering.Literal(activation.KerasName));
    }

    /// <summary>A list of dimensions as a collection expression: <c>[28, 28, 1]</c>.</summary>
    public static OpArg Ints(System.Collections.Generic.IEnumerable<int> values) => OpArg.Code("[" + string.Join(", ", values) + "]");
}
