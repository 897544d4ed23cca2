using System.Threading;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Generators.Planning;

/// <summary>A graph with its plan; the plan is null for a model that cannot be generated (stubs are emitted instead).</summary>
/// <remarks>Equality: by value.</remarks>
internal sealed record PlannedModel(ModelGraph Graph, ModelPlan? Plan)
{
    public static PlannedModel From(ModelGraph graph, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        return new PlannedModel(graph, graph.IsValid ? Planner.Plan(graph) : null);
    }
}
