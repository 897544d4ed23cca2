namespace StaticKeras.Modeling.Shapes.Rules;

/// <summary>Checks the <c>Activation</c> argument that several layers share.</summary>
internal static class Activations
{
    /// <summary>The activations the runtime implements (members of <c>StaticKeras.Activation</c>).</summary>
    public static readonly string[] Names = { "Linear", "Relu", "Sigmoid", "Tanh", "Softmax" };

    /// <summary>The activation a layer declares (<c>Linear</c> when it declares none).</summary>
    public static string Of(Specs.LayerSpec layer) => layer.Find("Activation")?.Value.Text ?? "Linear";

    /// <summary>True when the layer's activation is one we implement; reports it otherwise.</summary>
    public static bool Check(LayerInference layer)
    {
        string? activation = layer.Enum("Activation", "Linear");
        if (activation is null || System.Array.IndexOf(Names, activation) < 0)
        {
            layer.Error(ErrorKind.InvalidHyperparameter, "Activation", $"{layer.Title}: Activation {layer.Spec.Find("Activation")?.Value} is not one StaticKeras implements. Use Activation.{string.Join(", Activation.", Names)}.");
            return false;
        }

        return true;
    }
}
