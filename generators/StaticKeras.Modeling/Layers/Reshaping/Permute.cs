using System.Linq;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;
using StaticKeras.Modeling.Keras;

namespace StaticKeras.Modeling.Layers.Reshaping;

/// <summary>Keras's <c>Permute(dims)</c> argument as written: 1-based axes after the batch.</summary>
internal sealed record PermuteConfig(EquatableArray<int> Dims) : LayerConfig;

/// <summary>
/// <c>[Permute(2, 1)]</c> (keras/src/layers/reshaping/permute.py): output axis <c>k</c> is input
/// axis <c>dims[k]</c>, lowered to <c>PermuteKernel</c> (its backward pass is the inverse
/// permutation); the identity permutation is a view of the input.
/// </summary>
internal sealed class Permute : LayerDescriptor<PermuteConfig>
{
    /// <summary>The most axes the kernel permutes (<c>PermuteKernel.MaxRank</c>).</summary>
    private const int MaxRank = 8;

    public override string AttributeName => "StaticKeras.PermuteAttribute";

    public override string KerasClassName => "Permute";

    // Whether Dims is a permutation depends on the input's rank, so Infer checks it.
    protected override PermuteConfig? Parse(LayerArguments a)
    {
        int[] dims = a.Ints("Dims") ?? new int[0];
        return a.Failed ? null : new PermuteConfig(dims.ToEquatableArray());
    }

    protected override void Infer(PermuteConfig c, LayerInference layer)
    {
        int rank = layer.Input.Rank;
        string written = "(" + string.Join(", ", c.Dims) + ")";
        if (c.Dims.Count != rank)
        {
            layer.Error(ErrorKind.IncompatibleInput, "Dims", $"{layer.Title} reorders {c.Dims.Count} {(c.Dims.Count == 1 ? "axis" : "axes")} {written}, but its input {layer.Input} has {rank}. Give every axis 1..{rank} once, for example [Permute({string.Join(", ", Enumerable.Range(1, rank).Reverse())})].");
            return;
        }

        if (!c.Dims.OrderBy(d => d).SequenceEqual(Enumerable.Range(1, rank)))
        {
            int at = c.Dims.Select((d, i) => (d, i)).First(p => p.d < 1 || p.d > rank || c.Dims.Take(p.i).Contains(p.d)).i;
            layer.Error(ErrorKind.InvalidHyperparameter, "Dims", $"{layer.Title}: Dims {written} must name every axis 1..{rank} of its input {layer.Input} once (Keras counts from 1; the batch is axis 0); {c.Dims[at]} is {(c.Dims[at] < 1 || c.Dims[at] > rank ? "out of range" : "repeated")}.", at);
            return;
        }

        if (rank > MaxRank)
        {
            layer.Error(ErrorKind.IncompatibleInput, "Dims", $"{layer.Title} permutes at most {MaxRank} axes, but its input {layer.Input} has {rank}. Reshape it to fewer axes first.");
            return;
        }

        layer.SetOutput(Shape.Of(c.Dims.Select(d => layer.Input[d - 1]).ToArray()));
    }

    protected override void Lower(PermuteConfig c, LayerLowering l)
    {
        if (c.Dims.SequenceEqual(Enumerable.Range(1, c.Dims.Count)))
        {
            l.Describe("the identity permutation: no work");
            l.AliasInput();
            return;
        }

        // Static arrays, not collection expressions: a collection expression passed as a span argument allocates in Debug builds.
        OpArg shape = l.Field("_shape", "int[]", "[" + string.Join(", ", l.InputShape().Dims) + "]", $"the sample shape {l.Layer.Path} permutes");
        OpArg permutation = l.Field("_permutation", "int[]", "[" + string.Join(", ", c.Dims.Select(d => d - 1)) + "]", $"{l.Layer.Path}'s output axis k is input axis [k] (Keras's dims − 1)");
        l.Describe("dims (" + string.Join(", ", c.Dims) + ")");
        l.Forward($"{LayerLowering.Kernels}PermuteKernel.Forward", OpArg.Batch, shape, permutation, l.Input(), l.Output);
        if (l.NeedsInputGradient())
        {
            l.Backward($"{LayerLowering.Kernels}PermuteKernel.Backward", OpArg.Batch, shape, permutation, l.OutputGradient, l.InputGradient(), l.Accumulate().Named("accumulate"));
        }
    }

    protected override void Export(PermuteConfig c, LayerLowering l) =>
        l.Export($"{LayerLowering.Onnx}Permute", LayerLowering.Graph, l.Name, l.InputName(), OnnxForms.Ints(c.Dims));

    protected override void ToKeras(PermuteConfig c, KerasConfigWriter k) => k.Ints("dims", c.Dims);

    public override void ReadKerasConfig(KerasConfigReader k) => k.Ints("dims", "Dims");
}
