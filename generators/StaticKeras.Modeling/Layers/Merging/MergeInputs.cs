using System.Linq;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Merging;

/// <summary>The check merge layers share: inputs of different ranks, with the obvious fix when there is one.</summary>
internal static class MergeInputs
{
    /// <summary>
    /// Reports inputs whose rank differs from the others'. When every other input is a vector,
    /// flattening the odd one out is the fix Keras users reach for, so the error names it and a
    /// code fix can insert it. Returns false when it reported.
    /// </summary>
    /// <param name="layer">The merge layer.</param>
    /// <param name="sizesMustMatch">True for elementwise merges, where Flatten only helps when the value counts agree.</param>
    public static bool CheckRanks(LayerInference layer, bool sizesMustMatch)
    {
        int vectors = layer.InputShapes.Count(s => s.Rank == 1);
        for (int i = 0; i < layer.InputShapes.Count; i++)
        {
            Shape shape = layer.InputShapes[i];
            if (shape.Rank == layer.InputShapes[0].Rank && layer.InputShapes.All(s => s.Rank == shape.Rank))
            {
                continue;
            }

            // The odd one out is a higher-rank input among vectors.
            if (shape.Rank > 1 && vectors == layer.InputShapes.Count - 1 && (!sizesMustMatch || layer.InputShapes.All(s => s.Size == shape.Size)))
            {
                string name = layer.InputName(i);
                string others = string.Join(" and ", layer.InputShapes.Select((s, j) => (s, j)).Where(p => p.j != i).Select(p => $"'{layer.InputName(p.j)}' {p.s}"));
                layer.Error(
                    ErrorKind.IncompatibleInput,
                    "Inputs",
                    $"{layer.Title} needs inputs of one rank, but '{name}' is {shape} while {others} {(vectors > 1 ? "are" : "is")} flat. Insert [Flatten(Input = \"{name}\")] and read it instead of '{name}'.",
                    i,
                    fix: "Flatten");
                return false;
            }
        }

        return true;
    }
}
