namespace StaticKeras.Analyzers.Tests.Fuzz;

/// <summary>
/// The user modules the fuzzed declarations may use, compiled beside them: layers, activations
/// and blocks that follow their contracts, and ones that break them in every way the reader and
/// the shape contracts must survive.
/// </summary>
public static class FuzzModules
{
    /// <summary>Layer types that implement the contract, by how they change the last dimension.</summary>
    public static readonly (string Type, Func<int, int> Last)[] GoodLayers =
    [
        ("Same", d => d),
        ("Twice", d => d * 2),
        ("PlusOne", d => d + 1),
    ];

    /// <summary>Layer types that break the contract, or whose contract cannot fit (every use is an SK error).</summary>
    public static readonly string[] BadLayers =
    [
        "NotALayer", "NoContract", "NoArrow", "TwoStars", "UnknownName", "BadWeightShape", "BadInitializer", "Rank3Only", "Sixteen",
    ];

    /// <summary>Activation arguments that are valid.</summary>
    public static readonly string[] GoodActivations =
    [
        "Activation.Relu", "Activation.Gelu", "Activation.Softmax", "Activation.Mish", "\"tanh\"", "\"swish\"", "\"hard_sigmoid\"",
        "\"log_softmax\"", "typeof(Cube)", "typeof(StaticKeras.Activations.Selu)", "null",
    ];

    /// <summary>Activation arguments that are not (SK2001 or SK2016).</summary>
    public static readonly string[] BadActivations = ["\"relux\"", "\"\"", "3", "true", "typeof(Undeclared)", "typeof(NotALayer)", "typeof(int)", "1.5"];

    /// <summary>The modules' source.</summary>
    public const string Source = """
        using System;
        using StaticKeras;

        public abstract class FuzzLayer
        {
            public static void Forward(in LayerContext c, ReadOnlySpan<float> x, Span<float> y)
            {
                int d = c.InputShape[^1], e = c.OutputShape[^1];
                for (int i = 0; i < y.Length; i++)
                {
                    y[i] = x[(i / e * d) + (i % e % d)] * 0.5f;
                }
            }

            public static void Backward(in LayerContext c, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
            {
                if (dx.IsEmpty)
                {
                    return;
                }

                int d = c.InputShape[^1], e = c.OutputShape[^1];
                dx.Clear();
                for (int i = 0; i < dy.Length; i++)
                {
                    dx[(i / e * d) + (i % e % d)] += dy[i] * 0.5f;
                }
            }
        }

        [LayerShape("(*, d) -> (*, d)")] [LayerWeight("unused", "(d)", Initializer = "ones")] public sealed class Same : FuzzLayer, ILayer { }
        [LayerShape("(*, d) -> (*, d * 2)")] public sealed class Twice : FuzzLayer, ILayer { }
        [LayerShape("(*, d) -> (*, d + 1)")] [LayerCache("c", "(*, d)")] public sealed class PlusOne : FuzzLayer, ILayer { }
        public sealed class NotALayer { }
        public sealed class NoContract : FuzzLayer, ILayer { }
        [LayerShape("(*, d) (*, d)")] public sealed class NoArrow : FuzzLayer, ILayer { }
        [LayerShape("(*, *) -> (*, d)")] public sealed class TwoStars : FuzzLayer, ILayer { }
        [LayerShape("(*, d) -> (*, q)")] public sealed class UnknownName : FuzzLayer, ILayer { }
        [LayerShape("(*, d) -> (*, d)")] [LayerWeight("w", "(d, ")] public sealed class BadWeightShape : FuzzLayer, ILayer { }
        [LayerShape("(*, d) -> (*, d)")] [LayerWeight("w", "(d)", Initializer = "glorot")] public sealed class BadInitializer : FuzzLayer, ILayer { }
        [LayerShape("(h, w, c) -> (h / 2, w / 2, c)")] public sealed class Rank3Only : FuzzLayer, ILayer { }
        [LayerShape("(*, 16) -> (*, 16)")] public sealed class Sixteen : FuzzLayer, ILayer { }

        [KerasActivation("cube", Derivative = ActivationDerivative.FromInput)]
        public readonly struct Cube : IActivation
        {
            public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength) { for (int i = 0; i < x.Length; i++) y[i] = x[i] * x[i] * x[i] * 0.1f; }
            public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength) { for (int i = 0; i < dy.Length; i++) dx[i] = dy[i] * 0.3f * x[i] * x[i]; }
        }

        public readonly struct Undeclared : IActivation
        {
            public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength) { }
            public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength) { }
        }

        [Input(4, Name = "x")]
        [Dense(4, Name = "h", Activation = Activation.Tanh)]
        [Layer<Same>(Name = "s")]
        [Add("x", "s")]
        public partial class FuzzBlock;

        [Input(4)]
        [Block<FuzzBlock>]
        [Dense(4)]
        public partial class NestedFuzzBlock;

        [Input(4)]
        [Dense(0)]
        public partial class BrokenBlock;

        [Input(4)]
        [Block<SelfBlock>]
        public partial class SelfBlock;
        """;
}
