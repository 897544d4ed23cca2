using System.Collections.Generic;
using System.Linq;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Generators.Planning;

/// <summary>
/// Lowers a valid <see cref="ModelGraph"/> to a <see cref="ModelPlan"/>: where every weight lives
/// in the parameter buffer, and, for the training and inference passes, every layer's kernel calls
/// with each activation, gradient and layer buffer at an offset planned by liveness.
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
                parameters.Add(new ParameterSlot(layer.Index, weight.Name, layer.Path + "/" + weight.Name, names.Weight(layer.Index, weight.Name), offset, weight));
                offset = WorkspaceAllocator.Align(offset + weight.Size);
            }
        }

        bool[] needsGradient = NeedsGradient(graph);
        var shared = new SharedRequests(names);
        PassPlan training = new PassPlanner(graph, names, parameters, needsGradient, training: true, shared).Plan();
        PassPlan inference = new PassPlanner(graph, names, parameters, needsGradient, training: false, shared).Plan();
        MethodPlan export = ExportPlanner.Plan(graph, parameters, shared, out string? exportProblem);
        return new ModelPlan(
            graph,
            parameters.ToEquatableArray(),
            offset,
            training,
            inference,
            shared.RandomSeeds.ToEquatableArray(),
            shared.RandomLocals.ToEquatableArray(),
            shared.Fields.ToEquatableArray(),
            export,
            exportProblem);
    }

    /// <summary>A tensor needs a gradient when its layer or any layer before it has trainable weights.</summary>
    private static bool[] NeedsGradient(ModelGraph graph)
    {
        var needs = new bool[graph.Layers.Count];
        foreach (int i in graph.Order)
        {
            LayerNode layer = graph.Layers[i];
            needs[i] = layer.HasTrainableWeights || layer.Inputs.Any(j => needs[j]);
        }

        return needs;
    }
}

/// <summary>What both passes' layers ask for at class level: random streams and static fields, each created once.</summary>
internal sealed class SharedRequests
{
    private readonly ModelNames names;
    private readonly Dictionary<(int, string), string> fieldNames = new();

    public SharedRequests(ModelNames names) => this.names = names;

    /// <summary>Per stream, its seed (0: the model's own).</summary>
    public List<int> RandomSeeds { get; } = new();

    public List<RandomLocal> RandomLocals { get; } = new();

    public List<StaticField> Fields { get; } = new();

    /// <summary>The local of the stream with <paramref name="seed"/> (0: the model's), created on first use.</summary>
    public string Random(int seed, int layer)
    {
        int stream = RandomSeeds.IndexOf(seed);
        if (stream < 0)
        {
            stream = RandomSeeds.Count;
            RandomSeeds.Add(seed);
            RandomLocals.Add(new RandomLocal(names.Ids.Claim(seed == 0 ? "random" : names.Activation(layer) + "_random"), stream));
        }

        return RandomLocals[stream].Variable;
    }

    /// <summary>The name of a layer's static field, created on first use.</summary>
    public string Field(int layer, string suffix, string type, string initializer, string comment)
    {
        if (!fieldNames.TryGetValue((layer, suffix), out string? name))
        {
            name = names.Ids.Claim(names.Activation(layer) + suffix);
            fieldNames[(layer, suffix)] = name;
            Fields.Add(new StaticField(name, type, initializer, comment));
        }

        return name;
    }
}

/// <summary>The emitted names of a model's tensors, weights and layer buffers, claimed once so every pass agrees.</summary>
internal sealed class ModelNames
{
    private readonly string[] activations;
    private readonly string[] gradients;
    private readonly Dictionary<(int, string), string> weights = new();
    private readonly Dictionary<(int, string), string> buffers = new();
    private string? scratch;

    public ModelNames(ModelGraph graph, Identifiers ids)
    {
        Ids = ids;
        activations = graph.Layers.Select(l => ids.Claim(l.Path)).ToArray();
        gradients = activations.Select(a => ids.Claim("d_" + a)).ToArray();
        foreach (LayerNode layer in graph.Layers)
        {
            foreach (WeightSpec weight in layer.Weights)
            {
                weights[(layer.Index, weight.Name)] = ids.Claim(activations[layer.Index] + "_" + weight.Name);
            }
        }
    }

    public Identifiers Ids { get; }

    /// <summary>The local of the passes' shared op-local scratch, claimed on first use.</summary>
    public string Scratch => scratch ??= Ids.Claim("scratch");

    public string Activation(int layer) => activations[layer];

    public string Gradient(int layer) => gradients[layer];

    public string Weight(int layer, string weight) => weights[(layer, weight)];

    /// <summary>The local of a layer's own buffer (<c>dropout_mask</c>), claimed on first use.</summary>
    public string Buffer(int layer, string name)
    {
        if (!buffers.TryGetValue((layer, name), out string? variable))
        {
            variable = Ids.Claim(activations[layer] + "_" + name);
            buffers[(layer, name)] = variable;
        }

        return variable;
    }

    /// <summary>The gradient local of a weight: <c>d_dense_kernel</c>.</summary>
    public static string WeightGradient(string weightVariable) => "d_" + weightVariable;
}
