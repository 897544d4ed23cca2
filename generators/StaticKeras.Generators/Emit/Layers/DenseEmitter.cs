using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Shapes.Rules;

namespace StaticKeras.Generators.Emit.Layers;

/// <summary>Dense: one GEMM with bias and activation forward; the activation's derivative and two GEMMs backward.</summary>
internal sealed class DenseEmitter : LayerEmitter
{
    public override string TypeName => "Dense";

    public override bool BackwardReadsInputs(LayerNode layer) => true;

    public override bool BackwardReadsOutput(LayerNode layer) => Activation(layer) != "Linear";

    public override void EmitForward(PassWriter pass, LayerNode layer)
    {
        (int rows, int inputs, int units) = Dimensions(pass, layer);
        string activation = Activation(layer);
        pass.Comment(layer, activation == "Linear" ? null : activation.ToLowerInvariant());
        pass.Line($"{PassWriter.Kernels}DenseKernel.Forward({pass.Input(layer)}, {pass.Weight(layer, "kernel")}, {Bias(pass, layer)}, {pass.Output(layer)}, {PassWriter.PerBatch(rows)}, {inputs}, {units}, global::StaticKeras.Activation.{activation});");
    }

    public override void EmitBackward(PassWriter pass, LayerNode layer)
    {
        (int rows, int inputs, int units) = Dimensions(pass, layer);
        pass.Comment(layer, "backward");
        pass.Line($"{PassWriter.Kernels}DenseKernel.Backward(");
        using (pass.Writer.Indent())
        {
            pass.Line($"{pass.Input(layer)}, {pass.Weight(layer, "kernel")}, {pass.Output(layer)}, {pass.OutputGradient(layer)},");
            string dBias = pass.HasWeight(layer, "bias") ? pass.WeightGradient(layer, "bias") : "default";
            pass.Line($"{pass.WeightGradient(layer, "kernel")}, {dBias}, {pass.InputGradient(layer)}, accumulateDx: {pass.Accumulate(layer)},");
            pass.Line($"{PassWriter.PerBatch(rows)}, {inputs}, {units}, global::StaticKeras.Activation.{Activation(layer)}, dyIsPreActivation: {pass.PreActivationFlag(layer)});");
        }
    }

    private static string Activation(LayerNode layer) => Activations.Of(layer.Spec);

    private static string Bias(PassWriter pass, LayerNode layer) => pass.HasWeight(layer, "bias") ? pass.Weight(layer, "bias") : "default";

    /// <summary>Dense works on the last axis: every other position of every sample is a row.</summary>
    private static (int Rows, int Inputs, int Units) Dimensions(PassWriter pass, LayerNode layer)
    {
        Shape input = pass.InputShape(layer);
        return (input.Size / input.Last, input.Last, layer.OutputShape.Last);
    }
}
