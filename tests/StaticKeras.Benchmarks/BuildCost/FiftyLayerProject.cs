using System.Text;

namespace StaticKeras.Benchmarks.BuildCost;

/// <summary>
/// The sources of a small user project whose model has 50 layers: an input, 16 residual blocks
/// (Dense → Dropout → Add back onto the block's input) and a softmax head, next to plain
/// classes that stand for the rest of the project, one of which the incremental run edits.
/// </summary>
public static class FiftyLayerProject
{
    /// <summary>The number of layer attributes on the model.</summary>
    public const int Layers = 1 + (3 * Blocks) + 1;

    /// <summary>The plain classes besides the model.</summary>
    public const int OtherFiles = 20;

    private const int Blocks = 16;

    /// <summary>The model declaration.</summary>
    public static string Model()
    {
        var source = new StringBuilder("using StaticKeras;\n\nnamespace User;\n\n[Input(64, Name = \"a0\")]\n");
        for (int i = 1; i <= Blocks; i++)
        {
            source.Append($"[Dense(64, Activation = Activation.Relu, Name = \"d{i}\")]\n");
            source.Append($"[Dropout(0.1, Name = \"r{i}\")]\n");
            source.Append($"[Add(\"a{i - 1}\", \"r{i}\", Name = \"a{i}\")]\n");
        }

        source.Append("[Dense(10, Activation = Activation.Softmax)]\npublic partial class Deep;\n");
        return source.ToString();
    }

    /// <summary>Plain class number <paramref name="index"/>; <paramref name="edited"/> adds a method to it, as an edit elsewhere in a project does.</summary>
    public static string Other(int index, bool edited = false) => $$"""
        namespace User;

        public sealed class Service{{index}}
        {
            public int Count { get; private set; }

            public void Add(int value) => Count += value;
        {{(edited ? "\n    public void Reset() => Count = 0;\n" : string.Empty)}}
        }
        """;

    /// <summary>Every source of the project: the model first, then the others.</summary>
    public static string[] All() => [Model(), .. Enumerable.Range(0, OtherFiles).Select(i => Other(i))];
}
