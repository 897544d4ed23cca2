using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generators.Emit.Layers;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Generators.Planning;

/// <summary>
/// Plans one pass. Op times: forward ops in evaluation order (0..n−1), the loss at n, backward ops
/// in reverse order after it. Each storage is live from its first write to its last read; the
/// allocator then packs storages whose live spans do not overlap into the same memory.
/// </summary>
internal sealed class PassPlanner
{
    private readonly ModelGraph graph;
    private readonly ModelNames names;
    private readonly bool[] needsGradient;
    private readonly bool training;
    private readonly int[] position;
    private readonly List<(int Layer, int Position)>[] consumers;
    private readonly Storage?[] activation;
    private readonly Storage?[] gradient;
    private readonly Storage?[] cache;
    private readonly bool[] gradientIsAlias;
    private readonly List<Storage> storages = new();

    public PassPlanner(ModelGraph graph, ModelNames names, bool[] needsGradient, bool training)
    {
        this.graph = graph;
        this.names = names;
        this.needsGradient = needsGradient;
        this.training = training;
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

        activation = new Storage?[n];
        gradient = new Storage?[n];
        cache = new Storage?[n];
        gradientIsAlias = new bool[n];
    }

    private int LossTime => graph.Layers.Count;

    public PassPlan Plan()
    {
        PlanActivations();
        string copyOutputFrom = PlanOutput();
        if (training)
        {
            PlanGradients();
        }

        int floats = WorkspaceAllocator.Allocate(storages);
        Storage output = activation[graph.OutputLayer]!;
        Storage? outputGradient = gradient[graph.OutputLayer];
        return new PassPlan(
            floats,
            storages.Where(s => s.Source != BufferSource.Output && s.End >= 0).Select(ToSlot).ToEquatableArray(),
            graph.Layers.Select(SlotsOf).ToEquatableArray(),
            training ? output.Offset : -1,
            training && outputGradient is not null ? outputGradient.Offset : -1,
            copyOutputFrom);
    }

    private int Forward(int layer) => position[layer];

    private int Backward(int layer) => LossTime + graph.Layers.Count - position[layer];

    private static LayerEmitter Emitter(LayerNode layer) => LayerEmitters.For(layer.TypeName);

    private Storage Add(string variable, BufferSource source, int size, string comment)
    {
        var storage = new Storage(variable, source, size, comment);
        storages.Add(storage);
        return storage;
    }

    private void PlanActivations()
    {
        foreach (int i in graph.Order)
        {
            LayerNode layer = graph.Layers[i];
            LayerEmitter emitter = Emitter(layer);
            string shape = layer.OutputShape.ToString().Replace("None", "B");
            if (layer.Inputs.Count == 0)
            {
                int offset = graph.InputLayers.TakeWhile(j => j != i).Sum(j => graph.Layers[j].OutputShape.Size);
                activation[i] = Add(names.Activation(i), BufferSource.Input, layer.OutputShape.Size, $"{layer.Name}: {shape}");
                activation[i]!.Offset = offset;
            }
            else if (emitter.AliasesInput(layer, training))
            {
                activation[i] = activation[layer.Inputs[0]];
                activation[i]!.Comment += $"; {layer.Name} {shape} views it";
            }
            else
            {
                activation[i] = Add(names.Activation(i), BufferSource.Workspace, layer.OutputShape.Size, $"{layer.Name}: {shape}");
            }

            int size = training ? emitter.CacheSize(layer) : 0;
            if (size > 0)
            {
                cache[i] = Add(names.Cache(i), BufferSource.Workspace, size, $"{layer.Name} cache: (B, {size})");
                cache[i]!.Touch(Forward(i));
                cache[i]!.Touch(Backward(i));
            }
        }

        foreach (int i in graph.Order)
        {
            LayerNode layer = graph.Layers[i];
            Storage storage = activation[i]!;
            storage.Touch(Forward(i));
            foreach ((int c, _) in consumers[i])
            {
                storage.Touch(Forward(c));
                if (training && Emitter(graph.Layers[c]).BackwardReadsInputs(graph.Layers[c]))
                {
                    storage.Touch(Backward(c));
                }
            }

            if (training && Emitter(layer).BackwardReadsOutput(layer))
            {
                storage.Touch(Backward(i));
            }
        }
    }

    /// <summary>
    /// Inference writes the output straight into the caller's buffer; training keeps it in the
    /// workspace for the loss. Returns a local to copy into the output when the output is an input.
    /// </summary>
    private string PlanOutput()
    {
        Storage output = activation[graph.OutputLayer]!;
        if (output.Source == BufferSource.Input)
        {
            if (!training)
            {
                return output.Variable;
            }

            Storage copy = Add(names.Ids.Claim(output.Variable + "_output"), BufferSource.Workspace, output.Size, $"the output: a copy of {output.Variable}");
            copy.Touch(LossTime - 1);
            copy.Touch(LossTime);
            activation[graph.OutputLayer] = copy;
            return output.Variable;
        }

        if (training)
        {
            output.Touch(LossTime);
        }
        else
        {
            output.Source = BufferSource.Output;
        }

        return string.Empty;
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
            if (consumers[i].Count == 1 && consumers[i][0] is var (c, _) && gradient[c] is { } shared && Emitter(graph.Layers[c]).AliasesInput(graph.Layers[c], true))
            {
                gradient[i] = shared;
                gradientIsAlias[c] = true;
            }
            else
            {
                gradient[i] = Add(names.Gradient(i), BufferSource.Workspace, layer.OutputShape.Size, $"dL/d({layer.Name}): {layer.OutputShape.ToString().Replace("None", "B")}");
            }

            Storage storage = gradient[i]!;
            storage.Touch(Backward(i));
            if (i == graph.OutputLayer)
            {
                storage.Writes.Add((LossTime, -1, 0));
                storage.Touch(LossTime);
            }

            foreach ((int consumer, int p) in consumers[i])
            {
                if (!gradientIsAlias[consumer])
                {
                    storage.Writes.Add((Backward(consumer), consumer, p));
                    storage.Touch(Backward(consumer));
                }
            }
        }

        // The loss always writes dL/d(output), even for a model with nothing to train.
        if (gradient[graph.OutputLayer] is null)
        {
            LayerNode output = graph.Output;
            gradient[output.Index] = Add(names.Gradient(output.Index), BufferSource.Workspace, output.OutputShape.Size, $"dL/d({output.Name}) (nothing to train upstream)");
            gradient[output.Index]!.Touch(LossTime);
        }
    }

    private LayerSlots SlotsOf(LayerNode layer)
    {
        int i = layer.Index;
        bool[] accumulate = new bool[layer.Inputs.Count];
        for (int p = 0; p < layer.Inputs.Count; p++)
        {
            Storage? target = training ? gradient[layer.Inputs[p]] : null;
            if (target is not null)
            {
                var first = target.Writes.OrderBy(w => w.Time).ThenBy(w => w.Position).First();
                accumulate[p] = first.Layer != i || first.Position != p;
            }
        }

        return new LayerSlots(
            activation[i]!.Source == BufferSource.Output ? "output" : activation[i]!.Variable,
            gradient[i]?.Variable ?? string.Empty,
            cache[i]?.Variable ?? string.Empty,
            layer.Inputs.Select(j => training && needsGradient[j] && graph.Layers[j].Inputs.Count > 0).ToEquatableArray(),
            accumulate.ToEquatableArray(),
            layer.Inputs.Count > 0 && Emitter(layer).AliasesInput(layer, training),
            gradientIsAlias[i]);
    }

    private static BufferSlot ToSlot(Storage s) => new(s.Variable, s.Source, s.Offset, s.Size, s.Comment);
}
