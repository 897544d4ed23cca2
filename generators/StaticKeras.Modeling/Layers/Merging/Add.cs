using StaticKeras.Modeling.Lowering;

namespace StaticKeras.Modeling.Layers.Merging;

/// <summary><c>[Add("x", "h")]</c>: the elementwise sum, as Keras's Add (a residual connection); the same gradient to every input.</summary>
internal sealed class Add : ElementwiseMerge
{
    public override string AttributeName => "StaticKeras.AddAttribute";

    public override string KerasClassName => "Add";

    protected override void Lower(NoConfig c, LayerLowering l)
    {
        l.Forward($"{LayerLowering.Kernels}ElementwiseKernel.Add", l.Input(0), l.Input(1), l.Output);
        for (int p = 2; p < l.Layer.Inputs.Count; p++)
        {
            l.Forward($"{LayerLowering.Kernels}ElementwiseKernel.Add", l.Output, l.Input(p), l.Output);
        }

        for (int p = 0; p < l.Layer.Inputs.Count; p++)
        {
            if (l.NeedsInputGradient(p))
            {
                l.Backward($"{LayerLowering.Kernels}ElementwiseKernel.Route", l.OutputGradient, l.InputGradient(p), l.Accumulate(p).Named("accumulate"));
            }
        }
    }

    protected override void Export(NoConfig c, LayerLowering l) =>
        l.Export($"{LayerLowering.Onnx}Add", LayerLowering.Graph, l.Name, l.InputNames);
}
