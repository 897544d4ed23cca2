using StaticKeras.Modeling.Lowering;

namespace StaticKeras.Modeling.Layers.Merging;

/// <summary>
/// <c>[Multiply("x", "g")]</c>: the elementwise product, as Keras's Multiply (a gate); each
/// input's gradient is dy times the other inputs.
/// </summary>
internal sealed class Multiply : ElementwiseMerge
{
    public override string AttributeName => "StaticKeras.MultiplyAttribute";

    public override string KerasClassName => "Multiply";

    protected override void Lower(NoConfig c, LayerLowering l)
    {
        string multiply = $"{LayerLowering.Kernels}ElementwiseKernel.Multiply";
        int n = l.Layer.Inputs.Count;
        l.Forward(multiply, l.Input(0), l.Input(1), l.Output);
        for (int p = 2; p < n; p++)
        {
            l.Forward(multiply, l.Output, l.Input(p), l.Output);
        }

        for (int p = 0; p < n; p++)
        {
            if (!l.NeedsInputGradient(p))
            {
                continue;
            }

            if (n == 2)
            {
                l.Backward($"{LayerLowering.Kernels}ElementwiseKernel.MultiplyBackward", l.OutputGradient, l.Input(1 - p), l.InputGradient(p), l.Accumulate(p).Named("accumulate"));
                continue;
            }

            // With three or more inputs the product of the others is built in scratch.
            OpArg others = l.Buffer("others", l.OutputShape.Size, "dy times every other input");
            l.Backward($"{LayerLowering.Kernels}ElementwiseKernel.Copy", l.OutputGradient, others);
            for (int q = 0; q < n; q++)
            {
                if (q != p)
                {
                    l.Backward(multiply, others, l.Input(q), others);
                }
            }

            l.Backward($"{LayerLowering.Kernels}ElementwiseKernel.Route", others, l.InputGradient(p), l.Accumulate(p).Named("accumulate"));
        }
    }

    protected override void Export(NoConfig c, LayerLowering l) =>
        l.Export($"{LayerLowering.Onnx}Multiply", LayerLowering.Graph, l.Name, l.InputNames);
}
