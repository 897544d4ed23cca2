using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Generators.Planning;

/// <summary>
/// Plans one pass. Every layer's descriptor lowers itself into kernel calls; this gives each
/// reference in them memory. Op times: forward ops in evaluation order (0..n−1), the loss at n,
/// backward ops in reverse order after it. Each storage is live from the first op that touches it
/// to the last; the allocator then packs storages whose live spans do not overlap into the same
/// memory. So a layer buffer read by forward and backward calls is a cache, one read by a single
/// call is scratch, and neither needs saying.
/// </summary>
internal sealed partial class PassPlanner
{
    private const string Route = LayerLowering.Kernels + "ElementwiseKernel.Route";

    private readonly ModelGraph graph;
    private readonly ModelNames names;
    private readonly Dictionary<(int Layer, string Weight), ParameterSlot> weights;
    private readonly bool[] needsGradient;
    private readonly bool training;
    private readonly SharedRequests shared;
    private readonly int[] position;
    private readonly List<(int Layer, int Position)>[] consumers;
    private readonly LayerLowering?[] lowerings;
    private readonly List<LayerOp>[] plannerBackward;
    private readonly Storage?[] activation;
    private readonly Storage?[] gradient;
    private readonly bool[] gradientIsAlias;
    private readonly Dictionary<(int Layer, string Name), Storage> layerBuffers = new();
    private readonly Dictionary<(int Layer, int Position), Storage> redirects = new();
    private readonly HashSet<(int Layer, int Position)> accumulates = new();
    private readonly List<Storage> storages = new();
    private readonly List<string> scratchSizes = new();
    private readonly List<DerivedSlot> derived = new();
    private (string From, string To)? outputCopy;

    public PassPlanner(ModelGraph graph, ModelNames names, IEnumerable<ParameterSlot> parameters, bool[] needsGradient, bool training, SharedRequests shared)
    {
        this.graph = graph;
        this.names = names;
        weights = parameters.ToDictionary(p => (p.Layer, p.Weight));
        this.needsGradient = needsGradient;
        this.training = training;
        this.shared = shared;
        int n = graph.Layers.Count;
        position = new int[n];
        for (int p = 0; p < graph.Order.Count; p++)
        {
            position[graph.Order[p]] = p;
        }

        consumers = Enumerable.Range(0, n).Select(_ => new List<(int, int)>()).ToArray();
        foreach (LayerNode layer in graph.Layers)
        {
            for (int p = 0; p < layer.Inputs.Count; p++)
            {
                consumers[layer.Inputs[p]].Add((layer.Index, p));
            }
        }

        lowerings = new LayerLowering?[n];
        plannerBackward = Enumerable.Range(0, n).Select(_ => new List<LayerOp>()).ToArray();
        activation = new Storage?[n];
        gradient = new Storage?[n];
        gradientIsAlias = new bool[n];
    }

    private int LossTime => graph.Layers.Count;

    public PassPlan Plan()
    {
        foreach (int i in graph.Order.Where(i => graph.Layers[i].Inputs.Count > 0))
        {
            LayerNode layer = graph.Layers[i];
            var lowering = new LayerLowering(graph, layer, training, p => InputNeedsGradient(layer, p), w => weights[(i, w)].Offset);
            layer.Descriptor.LowerOps(layer.Config, lowering);
            lowerings[i] = lowering;
        }

        PlanActivations();
        PlanOutput();
        if (training)
        {
            PlanGradients();
        }

        PlanLayerBuffers();
        TouchOps();
        if (training)
        {
            PlanAccumulation();
        }

        (int fixedFloats, int floatsPerSample) = WorkspaceAllocator.Allocate(storages);
        Storage output = activation[graph.OutputLayer]!;
        Storage? outputGradient = gradient[graph.OutputLayer];
        MethodPlan forward = Method(backward: false);
        MethodPlan? backward = training ? Method(backward: true) : null;
        MethodPlan? prepare = training ? null : PrepareMethod();
        return new PassPlan(
            training ? "Training" : "Inference",
            fixedFloats,
            floatsPerSample,
            storages.Where(s => s.Source != BufferSource.Output && s.End >= 0).Select(s => new BufferSlot(s.Variable, s.Source, s.Offset, s.Size, s.PerSample, s.Comment)).ToEquatableArray(),
            forward,
            backward,
            training ? output.Offset : -1,
            training && outputGradient is not null ? outputGradient.Offset : -1,
            scratchSizes.Count > 0 ? names.Scratch : null,
            scratchSizes.ToEquatableArray(),
            scratchSizes.Count > 0 ? names.Ids.Claim(training ? "training_scratch_floats" : "inference_scratch_floats") : null,
            derived.ToEquatableArray(),
            derived.Count > 0 ? prepare : null);
    }

    private int Forward(int layer) => position[layer];

    private int Backward(int layer) => LossTime + graph.Layers.Count - position[layer];

    /// <summary>Whether layer's input <paramref name="p"/> needs its gradient in this pass (not for the model's inputs).</summary>
    private bool InputNeedsGradient(LayerNode layer, int p) =>
        training && needsGradient[layer.Inputs[p]] && graph.Layers[layer.Inputs[p]].Inputs.Count > 0;

    /// <summary>A layer has backward work when it has trainable weights or an input that needs a gradient.</summary>
    private bool HasGradientWork(LayerNode layer) =>
        training && layer.Inputs.Count > 0 && (layer.HasTrainableWeights || Enumerable.Range(0, layer.Inputs.Count).Any(p => InputNeedsGradient(layer, p)));

    private bool Aliases(int layer) => lowerings[layer]?.AliasesInput == true;

    private Storage Add(string variable, BufferSource source, int size, string comment, bool perSample = true)
    {
        var storage = new Storage(variable, source, size, comment, perSample);
        storages.Add(storage);
        return storage;
    }

    private static string ShapeText(Shape shape) => shape.ToString().Replace("None", "B");

    private void PlanActivations()
    {
        foreach (int i in graph.Order)
        {
            LayerNode layer = graph.Layers[i];
            string shape = ShapeText(layer.OutputShape);
            if (layer.Inputs.Count == 0)
            {
                int offset = graph.InputLayers.TakeWhile(j => j != i).Sum(j => graph.Layers[j].OutputShape.Size);
                activation[i] = Add(names.Activation(i), BufferSource.Input, layer.OutputShape.Size, $"{layer.Path}: {shape}");
                activation[i]!.Offset = offset;
            }
            else if (Aliases(i))
            {
                activation[i] = activation[layer.Inputs[0]];
                activation[i]!.Comment += $"; {layer.Path} {shape} views it";
            }
            else
            {
                activation[i] = Add(names.Activation(i), BufferSource.Workspace, layer.OutputShape.Size, $"{layer.Path}: {shape}");
            }

            activation[i]!.Touch(Forward(i));
        }
    }

    /// <summary>
    /// Inference writes the output straight into the caller's buffer; training keeps it in the
    /// workspace for the loss. When the output is an input unchanged, it is copied at the end.
    /// </summary>
    private void PlanOutput()
    {
        Storage output = activation[graph.OutputLayer]!;
        if (output.Source == BufferSource.Input)
        {
            if (!training)
            {
                outputCopy = (output.Variable, "output");
                return;
            }

            Storage copy = Add(names.Ids.Claim(output.Variable + "_output"), BufferSource.Workspace, output.Size, $"the output: a copy of {output.Variable}");
            copy.Touch(LossTime - 1);
            copy.Touch(LossTime);
            activation[graph.OutputLayer] = copy;
            outputCopy = (output.Variable, copy.Variable);
            return;
        }

        if (training)
        {
            output.Touch(LossTime);
        }
        else
        {
            output.Source = BufferSource.Output;
        }
    }

    private void PlanGradients()
    {
        foreach (int i in graph.Order.Reverse())
        {
            LayerNode layer = graph.Layers[i];
            if (!needsGradient[i] || layer.Inputs.Count == 0)
            {
                continue;
            }

            // A sole reader that only reinterprets memory (Flatten) can hand back its gradient buffer as ours.
            if (consumers[i].Count == 1 && consumers[i][0] is var (c, _) && gradient[c] is { } sharedGradient && Aliases(c))
            {
                gradient[i] = sharedGradient;
                gradientIsAlias[c] = true;
            }
            else
            {
                gradient[i] = Add(names.Gradient(i), BufferSource.Workspace, layer.OutputShape.Size, $"dL/d({layer.Path}): {ShapeText(layer.OutputShape)}");
            }

            gradient[i]!.Touch(Backward(i));
        }

        // The loss always writes dL/d(output), even for a model with nothing to train.
        LayerNode output = graph.Output;
        if (gradient[output.Index] is null)
        {
            gradient[output.Index] = Add(names.Gradient(output.Index), BufferSource.Workspace, output.OutputShape.Size, $"dL/d({output.Path}) (nothing to train upstream)");
        }

        gradient[output.Index]!.Writes.Add((LossTime, -1, 0));
        gradient[output.Index]!.Touch(LossTime);

        // A view that cannot share its input's gradient buffer passes the gradient on.
        foreach (int c in graph.Order.Where(c => Aliases(c) && HasGradientWork(graph.Layers[c]) && !gradientIsAlias[c] && InputNeedsGradient(graph.Layers[c], 0)))
        {
            plannerBackward[c].Add(new LayerOp(Route, new[] { lowerings[c]!.OutputGradient, lowerings[c]!.InputGradient(), lowerings[c]!.Accumulate().Named("accumulate") }));
        }
    }

    private void PlanLayerBuffers()
    {
        foreach (int i in graph.Order)
        {
            foreach (BufferRequest request in lowerings[i]?.Buffers ?? Array.Empty<BufferRequest>())
            {
                string size = request.PerSample ? $"(B, {request.Floats})" : $"({request.Floats},)";
                layerBuffers[(i, request.Name)] = Add(names.Buffer(i, request.Name), BufferSource.Workspace, request.Floats, $"{graph.Layers[i].Path} {request.Name}: {size}, {request.Comment}", request.PerSample);
            }
        }
    }
}
