using System.Collections.Generic;
using System.Linq;
using StaticKeras.Modeling.Layers;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Shapes;

/// <summary>
/// Infers every layer's shape and checks the declaration. The one implementation of shape rules:
/// the generator sizes buffers from it and the analyzers report its errors. Never throws on bad
/// input; it returns errors tied to the layer (and argument) at fault.
/// </summary>
internal static class ShapeInference
{
    public static ModelGraph Infer(ModelSpec model)
    {
        var errors = new List<ModelError>();
        EquatableArray<LayerSpec> layers = model.Layers;
        LayerDescriptor?[] descriptors = layers.Select(LayerCatalog.Find).ToArray();
        foreach (LayerSpec layer in layers.Where(l => descriptors[l.Index] is null && !l.IsMalformed))
        {
            errors.Add(new ModelError(ErrorKind.UnknownLayer, layer.Index, null, $"[{layer.DisplayName}] derives from LayerAttribute but is not a StaticKeras layer, so the generator cannot lower it. For a layer of your own, write a type implementing ILayer and use [Layer<YourLayer>], or derive this attribute from LayerAttribute<YourLayer>."));
        }

        int[] inputLayers = layers.Where(l => descriptors[l.Index] is { Arity: LayerArity.None }).Select(l => l.Index).ToArray();
        if (inputLayers.Length == 0)
        {
            errors.Add(new ModelError(ErrorKind.NoInput, -1, null, $"Model '{model.Type.Name}' has no [Input]. Declare the shape of one sample first, for example [Input(784)] or [Input(28, 28, 1)]."));
        }

        string[] names = LayerNaming.Resolve(layers, descriptors, errors);
        string[] titles = layers.Select(l => (descriptors[l.Index]?.ClassName(l) ?? l.DisplayName) + " '" + names[l.Index] + "'").ToArray();
        LayerConfig?[] configs = layers
            .Select(l => descriptors[l.Index] is { } d && !l.IsMalformed ? Parse(d, l, titles[l.Index], model.Activations, errors) : null)
            .ToArray();
        int[]?[] inputs = InputResolution.Resolve(layers, descriptors, names, errors);
        int[] order = TopologicalOrder(layers.Count, descriptors, inputs, names, errors, out bool cyclic);

        var inferred = new LayerInference?[layers.Count];
        foreach (int i in order)
        {
            int[]? ins = inputs[i];
            if (configs[i] is not { } config || ins is null || ins.Any(j => inferred[j]?.Output is null))
            {
                continue; // Its own or an upstream error is already reported.
            }

            var context = new LayerInference(layers[i], titles[i], ins.Select(j => inferred[j]!.Output!.Value).ToArray(), ins.Select(j => names[j]).ToArray(), errors);
            descriptors[i]!.InferShapes(config, context);
            inferred[i] = context.Failed ? null : context;
        }

        int outputLayer = layers.Count - 1;
        if (!cyclic && errors.Count == 0)
        {
            ReportUnused(layers, inputs, names, titles, outputLayer, errors);
        }

        bool complete = errors.Count == 0 && inferred.All(c => c?.Output is not null);
        GraphBuilder? graph = complete ? GraphBuilder.Build(layers, descriptors, configs, inferred, names, inputs, order) : null;
        if (graph is not null)
        {
            ReportTooLarge(graph.Nodes, errors);
        }

        bool valid = graph is not null && errors.Count == 0;
        return new ModelGraph(
            model.Type,
            valid ? graph!.Nodes.ToEquatableArray() : EquatableArray<LayerNode>.Empty,
            valid ? graph!.Order.ToEquatableArray() : EquatableArray<int>.Empty,
            valid ? inputLayers.Select(i => graph!.OutputNode[i]).ToEquatableArray() : inputLayers.ToEquatableArray(),
            valid ? graph!.OutputNode[outputLayer] : outputLayer,
            errors.ToEquatableArray(),
            model.Issues,
            valid ? graph!.Blocks.ToEquatableArray() : EquatableArray<BlockSummary>.Empty,
            IsSequentialChain(inputLayers, inputs, layers.Count));
    }

    private static LayerConfig? Parse(LayerDescriptor descriptor, LayerSpec layer, string title, EquatableArray<ActivationSpec> activations, List<ModelError> errors)
    {
        var arguments = new LayerArguments(layer, title, activations, errors);
        LayerConfig? config = descriptor.ParseConfig(arguments);
        return arguments.Failed ? null : config;
    }

    private static bool IsSequentialChain(int[] inputLayers, int[]?[] inputs, int count) =>
        inputLayers.Length == 1 && inputLayers[0] == 0
        && Enumerable.Range(1, count - 1).All(i => inputs[i] is { Length: 1 } ins && ins[0] == i - 1);

    /// <summary>Orders layers so each follows its inputs (declaration order where free); reports cycles.</summary>
    private static int[] TopologicalOrder(int count, LayerDescriptor?[] descriptors, int[]?[] inputs, string[] names, List<ModelError> errors, out bool cyclic)
    {
        var order = new List<int>(count);
        var state = new int[count]; // 0 = new, 1 = on the stack, 2 = done
        cyclic = false;
        for (int i = 0; i < count; i++)
        {
            cyclic |= !Visit(i, inputs, names, descriptors, state, order, new List<int>(), errors);
        }

        return order.ToArray();
    }

    private static bool Visit(int i, int[]?[] inputs, string[] names, LayerDescriptor?[] descriptors, int[] state, List<int> order, List<int> path, List<ModelError> errors)
    {
        if (state[i] == 2)
        {
            return true;
        }

        if (state[i] == 1)
        {
            int start = path.IndexOf(i);
            List<int> cycle = path.Skip(start).ToList();
            int first = cycle.Min();
            string loop = string.Join(" → ", cycle.Concat(new[] { i }).Select(j => "'" + names[j] + "'"));
            errors.Add(new ModelError(ErrorKind.Cycle, first, descriptors[first]?.Arity == LayerArity.Many ? "Inputs" : "Input", $"Layers {loop} read each other in a cycle, so none can be computed first. Make one of them read a layer that does not depend on it."));
            return false;
        }

        state[i] = 1;
        path.Add(i);
        bool ok = true;
        foreach (int j in inputs[i] ?? new int[0])
        {
            ok &= Visit(j, inputs, names, descriptors, state, order, path, errors);
        }

        path.RemoveAt(path.Count - 1);
        state[i] = 2;
        order.Add(i);
        return ok;
    }

    /// <summary>
    /// Parameters live in one float array and a training step's buffers in another, so each must
    /// stay below 2^31 floats; training needs about three floats per activation value (the value,
    /// its gradient, caches), which bounds the workspace conservatively before planning.
    /// </summary>
    private static void ReportTooLarge(IReadOnlyList<LayerNode> nodes, List<ModelError> errors)
    {
        const long Limit = int.MaxValue - (1 << 20);
        long parameters = 0, activations = 0;
        foreach (LayerNode node in nodes)
        {
            parameters += node.Weights.Sum(w => (long)w.Size + 16);
            activations += 3L * node.OutputShape.Size;
            if (parameters > Limit || activations > Limit)
            {
                string what = parameters > Limit ? $"{parameters:N0} parameters" : $"about {activations:N0} floats of training buffers per sample";
                errors.Add(new ModelError(ErrorKind.TooLarge, node.SpecIndex, null, $"With {node.KerasClassName} '{node.Name}' the model needs {what}, more than one .NET array holds (2^31). Make the layers or the input smaller."));
                return;
            }
        }
    }

    /// <summary>Every layer must feed the output (the last declared layer); a dead branch is almost always a wiring mistake.</summary>
    private static void ReportUnused(EquatableArray<LayerSpec> layers, int[]?[] inputs, string[] names, string[] titles, int outputLayer, List<ModelError> errors)
    {
        var used = new bool[layers.Count];
        var stack = new Stack<int>();
        stack.Push(outputLayer);
        while (stack.Count > 0)
        {
            int i = stack.Pop();
            if (used[i])
            {
                continue;
            }

            used[i] = true;
            foreach (int j in inputs[i] ?? new int[0])
            {
                stack.Push(j);
            }
        }

        for (int i = 0; i < layers.Count; i++)
        {
            if (!used[i])
            {
                errors.Add(new ModelError(
                    ErrorKind.UnusedLayer,
                    i,
                    null,
                    $"{titles[i]} is not used: no later layer reads it and it is not the model's output (the last layer). Read it from a later layer (Input = \"{names[i]}\" or a merge such as [Add(\"{names[i]}\", ...)]) or remove it."));
            }
        }
    }
}
