using System.Collections.Generic;
using System.Linq;
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
        LayerRule?[] rules = layers.Select(l => LayerRules.Find(l.TypeName)).ToArray();
        foreach (LayerSpec layer in layers.Where(l => rules[l.Index] is null && !l.IsMalformed))
        {
            errors.Add(new ModelError(ErrorKind.UnknownLayer, layer.Index, null, $"[{layer.TypeName}] is not a StaticKeras layer. Use a built-in layer attribute or [Layer<T>] for a custom layer."));
        }

        int[] inputLayers = layers.Where(l => rules[l.Index] is { Arity: LayerArity.None }).Select(l => l.Index).ToArray();
        if (inputLayers.Length == 0)
        {
            errors.Add(new ModelError(ErrorKind.NoInput, -1, null, $"Model '{model.Type.Name}' has no [Input]. Declare the shape of one sample first, for example [Input(784)] or [Input(28, 28, 1)]."));
        }

        string[] names = LayerNaming.Resolve(layers, rules, errors);
        int[]?[] inputs = InputResolution.Resolve(layers, rules, names, errors);
        int[] order = TopologicalOrder(layers, rules, inputs, names, errors, out bool cyclic);

        var shapes = new Shape?[layers.Count];
        var nodes = new LayerNode?[layers.Count];
        foreach (int i in order)
        {
            LayerRule? rule = rules[i];
            int[]? ins = inputs[i];
            if (rule is null || ins is null || ins.Any(j => shapes[j] is null))
            {
                continue; // Its own or an upstream error is already reported.
            }

            var context = new LayerInference(layers[i], rule, names[i], ins.Select(j => shapes[j]!.Value).ToArray(), ins.Select(j => names[j]).ToArray(), errors);
            rule.Infer(context);
            if (!context.Failed && context.Output is { } output)
            {
                shapes[i] = output;
                nodes[i] = new LayerNode(layers[i], names[i], rule.KerasClassName, ins.ToEquatableArray(), output, context.Weights.ToEquatableArray());
            }
        }

        int outputLayer = layers.Count - 1;
        if (!cyclic && errors.Count == 0)
        {
            ReportUnused(layers, inputs, names, rules, outputLayer, errors);
            ReportTooLarge(nodes, errors);
        }

        bool complete = errors.Count == 0 && nodes.All(n => n is not null);
        return new ModelGraph(
            model.Type,
            complete ? nodes.Select(n => n!).ToEquatableArray() : EquatableArray<LayerNode>.Empty,
            complete ? order.ToEquatableArray() : EquatableArray<int>.Empty,
            inputLayers.ToEquatableArray(),
            outputLayer,
            errors.ToEquatableArray(),
            model.Issues);
    }

    /// <summary>Orders layers so each follows its inputs (declaration order where free); reports cycles.</summary>
    private static int[] TopologicalOrder(EquatableArray<LayerSpec> layers, IReadOnlyList<LayerRule?> rules, int[]?[] inputs, string[] names, List<ModelError> errors, out bool cyclic)
    {
        var order = new List<int>(layers.Count);
        var state = new int[layers.Count]; // 0 = new, 1 = on the stack, 2 = done
        cyclic = false;
        for (int i = 0; i < layers.Count; i++)
        {
            cyclic |= !Visit(i, inputs, names, rules, state, order, new List<int>(), errors);
        }

        return order.ToArray();
    }

    private static bool Visit(int i, int[]?[] inputs, string[] names, IReadOnlyList<LayerRule?> rules, int[] state, List<int> order, List<int> path, List<ModelError> errors)
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
            errors.Add(new ModelError(ErrorKind.Cycle, first, rules[first]?.Arity == LayerArity.Many ? "Inputs" : "Input", $"Layers {loop} read each other in a cycle, so none can be computed first. Make one of them read a layer that does not depend on it."));
            return false;
        }

        state[i] = 1;
        path.Add(i);
        bool ok = true;
        foreach (int j in inputs[i] ?? new int[0])
        {
            ok &= Visit(j, inputs, names, rules, state, order, path, errors);
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
    private static void ReportTooLarge(LayerNode?[] nodes, List<ModelError> errors)
    {
        const long Limit = int.MaxValue - (1 << 20);
        long parameters = 0, activations = 0;
        foreach (LayerNode? node in nodes)
        {
            if (node is null)
            {
                continue;
            }

            parameters += node.Weights.Sum(w => (long)w.Size + 16);
            activations += 3L * node.OutputShape.Size;
            if (parameters > Limit || activations > Limit)
            {
                string what = parameters > Limit ? $"{parameters:N0} parameters" : $"about {activations:N0} floats of training buffers per sample";
                errors.Add(new ModelError(ErrorKind.TooLarge, node.Index, null, $"With {node.KerasClassName} '{node.Name}' the model needs {what}, more than one .NET array holds (2^31). Make the layers or the input smaller."));
                return;
            }
        }
    }

    /// <summary>Every layer must feed the output (the last declared layer); a dead branch is almost always a wiring mistake.</summary>
    private static void ReportUnused(EquatableArray<LayerSpec> layers, int[]?[] inputs, string[] names, IReadOnlyList<LayerRule?> rules, int outputLayer, List<ModelError> errors)
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
                    $"{rules[i]?.KerasClassName} '{names[i]}' is not used: no later layer reads it and it is not the model's output (the last layer). Read it from a later layer (Input = \"{names[i]}\" or a merge such as [Add(\"{names[i]}\", ...)]) or remove it."));
            }
        }
    }
}
