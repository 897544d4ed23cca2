using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Generators.Emit.Layers;

/// <summary>Dropout: a random mask while training (kept for the backward pass); the identity at inference.</summary>
internal sealed class DropoutEmitter : LayerEmitter
{
    public override string TypeName => "Dropout";

    public override bool AliasesInput(LayerNode layer, bool training) => !training || Rate(layer) == 0;

    public override int CacheSize(LayerNode layer) => Rate(layer) == 0 ? 0 : layer.OutputShape.Size;

    public override void EmitForward(PassWriter pass, LayerNode layer)
    {
        if (AliasesInput(layer, pass.Training))
        {
            pass.Comment(layer, "the identity here: no work");
            return;
        }

        pass.Comment(layer, $"rate {PassWriter.Number(Rate(layer))}");
        pass.Line($"{PassWriter.Kernels}DropoutKernel.ForwardTraining({pass.Input(layer)}, {pass.Output(layer)}, {pass.Cache(layer)}, {PassWriter.Number(Rate(layer))}, {RandomStream(layer)});");
    }

    public override void EmitBackward(PassWriter pass, LayerNode layer)
    {
        if (!pass.InputNeedsGradient(layer))
        {
            return;
        }

        if (AliasesInput(layer, training: true))
        {
            EmitRoute(pass, layer);
            return;
        }

        pass.Comment(layer, "backward");
        pass.Line($"{PassWriter.Kernels}DropoutKernel.Backward({pass.OutputGradient(layer)}, {pass.Cache(layer)}, {pass.InputGradient(layer)}, accumulate: {pass.Accumulate(layer)});");
    }

    /// <summary>The random stream of the layer: its own when it has a <c>Seed</c>, else the model's.</summary>
    public static string RandomStream(LayerNode layer) => Seed(layer) != 0 ? "dropoutRandom_" + layer.Index : "DropoutRandom";

    /// <summary>The layer's <c>Seed</c> argument, 0 when absent.</summary>
    public static int Seed(LayerNode layer) => (int)(layer.Spec.Find("Seed")?.Value.Number ?? 0);

    /// <summary>Routes the gradient of a layer that reinterprets its input, unless the buffers are shared.</summary>
    public static void EmitRoute(PassWriter pass, LayerNode layer)
    {
        if (pass.GradientIsAlias(layer) || !pass.InputNeedsGradient(layer))
        {
            return;
        }

        pass.Comment(layer, "backward: pass the gradient on");
        pass.Line($"{PassWriter.Kernels}ElementwiseKernel.Route({pass.OutputGradient(layer)}, {pass.InputGradient(layer)}, accumulate: {pass.Accumulate(layer)});");
    }

    private static double Rate(LayerNode layer) => layer.Spec.Find("Rate")?.Value.Number ?? 0;
}
