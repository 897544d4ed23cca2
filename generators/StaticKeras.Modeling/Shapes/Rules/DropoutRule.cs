namespace StaticKeras.Modeling.Shapes.Rules;

/// <summary><c>[Dropout(rate)]</c>: zeroes a fraction <c>rate</c> of inputs while training and scales the rest by <c>1/(1-rate)</c>.</summary>
internal sealed class DropoutRule : LayerRule
{
    public override string TypeName => "Dropout";

    public override void Infer(LayerInference layer)
    {
        double rate = layer.Number("Rate", double.NaN);
        if (!(rate >= 0 && rate < 1))
        {
            layer.Error(ErrorKind.InvalidHyperparameter, "Rate", $"{layer.Title}: Rate must be in [0, 1); got {layer.Spec.Find("Rate")?.Value.ToString() ?? "nothing"}. It is the fraction of inputs to drop, for example [Dropout(0.5)].");
            return;
        }

        layer.SetOutput(layer.Input);
    }
}
