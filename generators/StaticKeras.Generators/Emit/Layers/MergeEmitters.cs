using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Generators.Emit.Layers;

/// <summary>Add: the sum forward; the same gradient to every input backward.</summary>
internal sealed class AddEmitter : LayerEmitter
{
    public override string TypeName => "Add";

    public override void EmitForward(PassWriter pass, LayerNode layer)
    {
        pass.Comment(layer);
        pass.Line($"{PassWriter.Kernels}ElementwiseKernel.Add({pass.Input(layer, 0)}, {pass.Input(layer, 1)}, {pass.Output(layer)});");
        for (int p = 2; p < layer.Inputs.Count; p++)
        {
            pass.Line($"{PassWriter.Kernels}ElementwiseKernel.Add({pass.Output(layer)}, {pass.Input(layer, p)}, {pass.Output(layer)});");
        }
    }

    public override void EmitBackward(PassWriter pass, LayerNode layer)
    {
        pass.Comment(layer, "backward");
        for (int p = 0; p < layer.Inputs.Count; p++)
        {
            if (pass.InputNeedsGradient(layer, p))
            {
                pass.Line($"{PassWriter.Kernels}ElementwiseKernel.Route({pass.OutputGradient(layer)}, {pass.InputGradient(layer, p)}, accumulate: {pass.Accumulate(layer, p)});");
            }
        }
    }
}

/// <summary>Multiply: the product forward; backward, each input's gradient is dy times the other inputs.</summary>
internal sealed class MultiplyEmitter : LayerEmitter
{
    public override string TypeName => "Multiply";

    public override bool BackwardReadsInputs(LayerNode layer) => true;

    /// <summary>With three or more inputs the product of the others is built in a scratch buffer.</summary>
    public override int CacheSize(LayerNode layer) => layer.Inputs.Count > 2 ? layer.OutputShape.Size : 0;

    public override void EmitForward(PassWriter pass, LayerNode layer)
    {
        pass.Comment(layer);
        pass.Line($"{PassWriter.Kernels}ElementwiseKernel.Multiply({pass.Input(layer, 0)}, {pass.Input(layer, 1)}, {pass.Output(layer)});");
        for (int p = 2; p < layer.Inputs.Count; p++)
        {
            pass.Line($"{PassWriter.Kernels}ElementwiseKernel.Multiply({pass.Output(layer)}, {pass.Input(layer, p)}, {pass.Output(layer)});");
        }
    }

    public override void EmitBackward(PassWriter pass, LayerNode layer)
    {
        pass.Comment(layer, "backward");
        int n = layer.Inputs.Count;
        for (int p = 0; p < n; p++)
        {
            if (!pass.InputNeedsGradient(layer, p))
            {
                continue;
            }

            if (n == 2)
            {
                pass.Line($"{PassWriter.Kernels}ElementwiseKernel.MultiplyBackward({pass.OutputGradient(layer)}, {pass.Input(layer, 1 - p)}, {pass.InputGradient(layer, p)}, accumulate: {pass.Accumulate(layer, p)});");
                continue;
            }

            string scratch = pass.Cache(layer);
            pass.Line($"{pass.OutputGradient(layer)}.CopyTo({scratch});");
            for (int q = 0; q < n; q++)
            {
                if (q != p)
                {
                    pass.Line($"{PassWriter.Kernels}ElementwiseKernel.Multiply({scratch}, {pass.Input(layer, q)}, {scratch});");
                }
            }

            pass.Line($"{PassWriter.Kernels}ElementwiseKernel.Route({scratch}, {pass.InputGradient(layer, p)}, accumulate: {pass.Accumulate(layer, p)});");
        }
    }
}
