using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generators.Emit.Layers;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Generators.Planning;

/// <summary>
/// Lowers a valid <see cref="ModelGraph"/> to a <see cref="ModelPlan"/>: where every weight lives
/// in the parameter buffer, and, for the training and inference passes, which buffer every
/// activation, gradient and cache uses, with offsets planned by liveness.
/// </summary>
internal static class Planner
{
    public static ModelPlan Plan(ModelGraph graph)
    {
        var ids = new Identifiers();
        var names = new ModelNames(graph, ids);
        var parameters = new List<ParameterSlot>();
        int offset = 0;
        foreach (LayerNode layer in graph.Layers)
        {
            foreach (WeightSpec weight in layer.Weights)
            {
                parameters.Add(new ParameterSlot(layer.Index, weight.Name, names.Weight(layer.Index, weight.Name), offset, weight.Size));
                offset = WorkspaceAllocator.Align(offset + weight.Size);
            }
        }

        bool[] needsGradient = NeedsGradient(graph);
        return new ModelPlan(
            graph,
            parameters.ToEquatableArray(),
            offset,
            new PassPlanner(graph, names, needsGradient, training: true).Plan(),
            new PassPlanner(graph, names, needsGradient, training: false).Plan());
    }

    /// <summary>A tensor needs a gradient when its layer or any layer before it has weights.</summary>
    private static bool[] NeedsGradient(ModelGraph graph)
    {
        var needs = new bool[graph.Layers.Count];
        foreach (int i in graph.Order)
        {
            LayerNode layer = graph.Layers[i];
            needs[i] = layer.Weights.Count > 0 || layer.Inputs.Any(j => needs[j]);
        }

        return needs;
    }
}

/// <summary>The emitted names of a model's tensors and weights, claimed once so every pass agrees.</summary>
internal sealed class ModelNames
{
    private readonly string[] activations;
    private readonly string[] gradients;
    private readonly string[] caches;
    private readonly Dictionary<(int, string), string> weights = new();

    public ModelNames(ModelGraph graph, Identifiers ids)
    {
        Ids = ids;
        activations = graph.Layers.Select(l => ids.Claim(l.Name)).ToArray();
        gradients = activations.Select(a => ids.Claim("d_" + a)).ToArray();
        caches = activations.Select(a => ids.Claim(a + "_cache")).ToArray();
        foreach (LayerNode layer in graph.Layers)
        {
            foreach (WeightSpec weight in layer.Weights)
            {
                weights[(layer.Index, weight.Name)] = ids.Claim(activations[layer.Index] + "_" + weight.Name);
            }
        }
    }

    public Identifiers Ids { get; }

    public string Activation(int layer) => activations[layer];

    public string Gradient(int layer) => gradients[layer];

    public string Cache(int layer) => caches[layer];

    public string Weight(int layer, string weight) => weights[(layer, weight)];

    /// <summary>The gradient local of a weight: <c>d_dense_kernel</c>.</summary>
    public static string WeightGradient(string weightVariable) => "d_" + weightVariable;
}
