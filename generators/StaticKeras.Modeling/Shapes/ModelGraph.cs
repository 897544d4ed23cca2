using System.Linq;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Shapes;

/// <summary>
/// The result of shape inference: every layer with its shape (blocks inlined), in declaration
/// order, and an evaluation order where each layer follows its inputs; or the errors that stop
/// the model from being generated.
/// </summary>
/// <param name="Type">The class the model lives in.</param>
/// <param name="Layers">All layers, blocks expanded in place (index = <see cref="LayerNode.Index"/>); empty when inference stopped early.</param>
/// <param name="Order">Layer indices in evaluation order (inputs first); each layer follows its inputs.</param>
/// <param name="InputLayers">Indices of the <c>[Input]</c> layers, in declaration order.</param>
/// <param name="OutputLayer">Index of the output layer (the last declared), or -1.</param>
/// <param name="Errors">Everything wrong with the declaration; empty for a model that can be generated.</param>
/// <param name="Issues">Problems with the class declaration itself.</param>
/// <param name="Blocks">The top-level blocks, for the summary.</param>
/// <param name="IsSequential">
/// True when the declaration is a plain chain (one input, each layer reading the one above):
/// Keras prints such models in the three-column summary without the input row.
/// </param>
/// <remarks>Equality: by value, so the generator skips planning and emitting when a rebuild finds the same graph.</remarks>
internal sealed record ModelGraph(
    TypeSpec Type,
    EquatableArray<LayerNode> Layers,
    EquatableArray<int> Order,
    EquatableArray<int> InputLayers,
    int OutputLayer,
    EquatableArray<ModelError> Errors,
    DeclarationIssues Issues,
    EquatableArray<BlockSummary> Blocks = default,
    bool IsSequential = false)
{
    /// <summary>
    /// True when the model can be generated: a supported declaration, no errors, and every layer
    /// inferred (a layer attribute that does not compile leaves the graph incomplete without an
    /// SK error, since the compiler already reports it).
    /// </summary>
    public bool IsValid => Errors.Count == 0 && Issues == DeclarationIssues.None && Layers.Count > 0;

    public LayerNode Output => Layers[OutputLayer];

    public int ParameterCount => Layers.Sum(l => l.ParameterCount);

    /// <summary>The activation the output layer applies last, or null when it ends in none.</summary>
    public ActivationSpec? OutputActivation => Output.Descriptor.OutputActivation(Output.Config);

    /// <summary>The loss the output activation cancels against (<c>None</c>, <c>Softmax</c>, <c>Sigmoid</c>).</summary>
    public string OutputFusion => OutputActivation?.LossFusion ?? "None";
}
