using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Preprocessing;

/// <summary>
/// The output modes CategoryEncoding and Discretization share (Keras's
/// <c>numerical_utils.encode_categorical_inputs</c>): their shapes and their kernel calls.
/// </summary>
internal static class CategoricalOutput
{
    public const string Int = "int";
    public const string OneHot = "one_hot";
    public const string MultiHot = "multi_hot";
    public const string Count = "count";

    /// <summary>
    /// The output shape, as Keras's <c>compute_output_shape</c>: <c>int</c> keeps the shape;
    /// <c>one_hot</c> replaces a last axis of 1 by <paramref name="depth"/> and appends it otherwise;
    /// <c>multi_hot</c> and <c>count</c> replace the last axis (each last-axis row is one sample).
    /// </summary>
    public static Shape Of(Shape input, string mode, int depth) => mode switch
    {
        Int => input,
        OneHot when input.Last == 1 => input.WithLast(depth),
        OneHot => Shape.Of(Append(input, depth)),
        _ => input.WithLast(depth),
    };

    /// <summary>Encodes the ids in <paramref name="ids"/> into the layer's output, and gives a layer before it a zero gradient.</summary>
    public static void Lower(LayerLowering l, OpArg ids, Shape idShape, string mode, int depth)
    {
        const string Kernel = LayerLowering.Kernels + "CategoryEncodingKernel.";
        if (mode == OneHot)
        {
            l.Forward(Kernel + "OneHot", ids, l.Output, OpArg.Int(depth).Named("numTokens"));
        }
        else if (mode != Int)
        {
            l.Forward(Kernel + "MultiHot", ids, l.Output, OpArg.Int(idShape.Last).Named("length"), OpArg.Int(depth).Named("numTokens"), OpArg.Bool(mode == Count).Named("count"));
        }

        if (l.NeedsInputGradient())
        {
            l.Backward(Kernel + "NoGradient", l.InputGradient(), l.Accumulate().Named("accumulate"));
        }
    }

    private static int[] Append(Shape input, int depth)
    {
        var dims = new int[input.Rank + 1];
        for (int i = 0; i < input.Rank; i++)
        {
            dims[i] = input[i];
        }

        dims[input.Rank] = depth;
        return dims;
    }
}
