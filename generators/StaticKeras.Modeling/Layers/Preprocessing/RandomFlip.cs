using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Preprocessing;

/// <summary>Keras's <c>RandomFlip(mode="horizontal_and_vertical", seed=None)</c> (keras/src/layers/preprocessing/image_preprocessing/random_flip.py).</summary>
internal sealed record RandomFlipConfig(string Mode, int Seed) : LayerConfig
{
    public bool Horizontal => Mode != "vertical";

    public bool Vertical => Mode != "horizontal";
}

/// <summary><c>[RandomFlip("horizontal")]</c>: while training, each image flipped with probability ½; its gradient flips back.</summary>
internal sealed class RandomFlip : LayerDescriptor<RandomFlipConfig>
{
    public override string AttributeName => "StaticKeras.RandomFlipAttribute";

    public override string KerasClassName => "RandomFlip";

    protected override RandomFlipConfig? Parse(LayerArguments a)
    {
        string mode = a.Choice("Mode", "horizontal_and_vertical", "horizontal", "vertical", "horizontal_and_vertical");
        return a.Failed ? null : new RandomFlipConfig(mode, a.Int("Seed", 0));
    }

    protected override void Infer(RandomFlipConfig c, LayerInference layer) => ImageLayers.InferImage(layer);

    protected override void Lower(RandomFlipConfig c, LayerLowering l)
    {
        if (ImageLayers.AliasUnlessTraining(l, identity: false))
        {
            return;
        }

        Shape shape = l.OutputShape;
        OpArg[] image = { OpArg.Batch, OpArg.Int(shape[0]), OpArg.Int(shape[1]), OpArg.Int(shape[2]) };
        OpArg flips = l.Buffer("flips", 1, "1 where the image was flipped, else 0");
        OpArg horizontal = OpArg.Bool(c.Horizontal).Named("horizontal"), vertical = OpArg.Bool(c.Vertical).Named("vertical");
        l.Describe(c.Mode);
        l.Forward($"{LayerLowering.Kernels}RandomFlipKernel.ForwardTraining", l.Input(), l.Output, flips, horizontal, vertical, l.Random(c.Seed), image[0], image[1], image[2], image[3]);
        if (l.NeedsInputGradient())
        {
            l.Backward($"{LayerLowering.Kernels}RandomFlipKernel.Backward", l.OutputGradient, l.InputGradient(), flips, horizontal, vertical, image[0], image[1], image[2], image[3], l.Accumulate().Named("accumulate"));
        }
    }

    /// <summary>keras/src/layers/preprocessing/image_preprocessing/random_flip.py, <c>get_config</c>.</summary>
    protected override void ToKeras(RandomFlipConfig c, KerasConfigWriter k) => k.Seed("seed", c.Seed).Text("mode", c.Mode);
}
