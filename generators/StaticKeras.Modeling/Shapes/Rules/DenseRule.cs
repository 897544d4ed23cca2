namespace StaticKeras.Modeling.Shapes.Rules;

/// <summary>
/// <c>[Dense(units)]</c>: <c>activation(x · kernel + bias)</c> on the last axis, as Keras's Dense;
/// kernel <c>(in, units)</c>, bias <c>(units,)</c>.
/// </summary>
internal sealed class DenseRule : LayerRule
{
    public override string TypeName => "Dense";

    public override string? OutputActivation(LayerNode layer) => Activations.Of(layer.Spec);

    public override void Infer(LayerInference layer)
    {
        int units = layer.Int("Units", 0);
        if (units <= 0)
        {
            layer.Error(ErrorKind.InvalidHyperparameter, "Units", $"{layer.Title}: Units must be a positive whole number; got {layer.Spec.Find("Units")?.Value.ToString() ?? "nothing"}. Set it to the number of output features, for example [Dense(64)].");
            return;
        }

        if (!Activations.Check(layer))
        {
            return;
        }

        int inputs = layer.Input.Last;
        layer.AddWeight("kernel", Shape.Of(inputs, units), "KernelInitializer", "glorot_uniform", inputs, units);
        if (layer.Bool("UseBias", true))
        {
            layer.AddWeight("bias", Shape.Of(units), "BiasInitializer", "zeros", inputs, units);
        }

        layer.SetOutput(layer.Input.WithLast(units), "Units");
    }
}
