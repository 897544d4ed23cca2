using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Preprocessing;

/// <summary>Keras's <c>CategoryEncoding(num_tokens, output_mode="multi_hot")</c> (keras/src/layers/preprocessing/category_encoding.py).</summary>
internal sealed record CategoryEncodingConfig(int NumTokens, string OutputMode) : LayerConfig;

/// <summary>
/// <c>[CategoryEncoding(4, OutputMode = "one_hot")]</c>: token ids to one-hot rows, multi-hot rows
/// or counts. Constant between whole numbers, so a layer before it gets a zero gradient, as the
/// ids' cast to integers gives in Keras.
/// </summary>
internal sealed class CategoryEncoding : LayerDescriptor<CategoryEncodingConfig>
{
    public override string AttributeName => "StaticKeras.CategoryEncodingAttribute";

    public override string KerasClassName => "CategoryEncoding";

    protected override CategoryEncodingConfig? Parse(LayerArguments a)
    {
        int tokens = a.PositiveInt("NumTokens", "the number of token ids (ids are 0..NumTokens-1)", "[CategoryEncoding(10)]");
        string mode = a.Choice("OutputMode", CategoricalOutput.MultiHot, CategoricalOutput.OneHot, CategoricalOutput.MultiHot, CategoricalOutput.Count);
        return a.Failed ? null : new CategoryEncodingConfig(tokens, mode);
    }

    protected override void Infer(CategoryEncodingConfig c, LayerInference layer) =>
        layer.SetOutput(CategoricalOutput.Of(layer.Input, c.OutputMode, c.NumTokens), "NumTokens");

    protected override void Lower(CategoryEncodingConfig c, LayerLowering l)
    {
        l.Describe($"{c.OutputMode}, {c.NumTokens} tokens");
        CategoricalOutput.Lower(l, l.Input(), l.InputShape(), c.OutputMode, c.NumTokens);
    }

    /// <summary>keras/src/layers/preprocessing/category_encoding.py, <c>get_config</c>.</summary>
    protected override void ToKeras(CategoryEncodingConfig c, KerasConfigWriter k) => k.Int("num_tokens", c.NumTokens).Text("output_mode", c.OutputMode).Bool("sparse", false);

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Int("num_tokens", "NumTokens");
        k.Text("output_mode", "OutputMode");
        k.Ignore("sparse");
    }
}
