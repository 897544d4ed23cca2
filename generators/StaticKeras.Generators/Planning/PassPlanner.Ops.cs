using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Generators.Planning;

internal sealed partial class PassPlanner
{
    /// <summary>Every storage an op touches is live at the op's time; backward writes to an input's gradient are recorded.</summary>
    private void TouchOps()
    {
        foreach (int i in graph.Order)
        {
            foreach ((int c, _) in consumers[i])
            {
                activation[i]!.Touch(Forward(c));
            }

            LayerLowering? lowering = lowerings[i];
            if (lowering is null)
            {
                continue;
            }

            foreach (LayerOp op in lowering.ForwardOps)
            {
                foreach (Storage s in Storages(i, op.Arguments))
                {
                    s.Touch(Forward(i));
                }
            }

            if (!HasGradientWork(graph.Layers[i]))
            {
                continue;
            }

            foreach (LayerOp op in BackwardOps(i))
            {
                foreach (Storage s in Storages(i, op.Arguments))
                {
                    s.Touch(Backward(i));
                }

                foreach (OpArg target in Flatten(op.Arguments).Where(a => a.Kind == OpArgKind.InputGradient && InputNeedsGradient(graph.Layers[i], a.Position)))
                {
                    Storage s = gradient[graph.Layers[i].Inputs[target.Position]]!;
                    if (!s.Writes.Any(w => w.Layer == i && w.Position == target.Position))
                    {
                        s.Writes.Add((Backward(i), i, target.Position));
                    }
                }
            }
        }
    }

    /// <summary>
    /// The first backward op to reach a gradient buffer writes it, the others add to it. A layer
    /// whose calls cannot add (a user layer writes its input gradient) writes scratch instead, and
    /// a route adds the scratch in.
    /// </summary>
    private void PlanAccumulation()
    {
        foreach (Storage s in storages.Where(s => s.Writes.Count > 0))
        {
            var first = s.Writes.OrderBy(w => w.Time).ThenBy(w => w.Position).First();
            foreach (var write in s.Writes.Where(w => w.Layer >= 0 && (w.Layer != first.Layer || w.Position != first.Position)))
            {
                accumulates.Add((write.Layer, write.Position));
            }
        }

        foreach ((int layer, int p) in accumulates.ToList())
        {
            bool handles = BackwardOps(layer).Any(op => Flatten(op.Arguments).Any(a => a.Kind == OpArgKind.Accumulate && a.Position == p));
            if (handles)
            {
                continue;
            }

            LayerNode node = graph.Layers[layer];
            Shape shape = graph.Layers[node.Inputs[p]].OutputShape;
            string name = "d_input_" + p.ToString(CultureInfo.InvariantCulture);
            Storage scratch = Add(names.Buffer(layer, name), BufferSource.Workspace, shape.Size, $"dL/d({graph.Layers[node.Inputs[p]].Path}) from {node.Path}, added to the others' below");
            scratch.Touch(Backward(layer));
            redirects[(layer, p)] = scratch;
            layerBuffers[(layer, name)] = scratch;
            LayerLowering l = lowerings[layer]!;
            plannerBackward[layer].Add(new LayerOp(Route, new[] { new OpArg(OpArgKind.Buffer, name), l.InputGradient(p), l.Accumulate(p).Named("accumulate") }));
        }
    }

    /// <summary>A layer's backward calls: its own, then the planner's (routes).</summary>
    private IEnumerable<LayerOp> BackwardOps(int layer) =>
        (lowerings[layer]?.BackwardOps ?? new List<LayerOp>()).Concat(plannerBackward[layer]);

    private IEnumerable<Storage> Storages(int layer, IEnumerable<OpArg> arguments)
    {
        LayerNode node = graph.Layers[layer];
        foreach (OpArg a in Flatten(arguments))
        {
            Storage? s = a.Kind switch
            {
                OpArgKind.Input => activation[node.Inputs[a.Position]],
                OpArgKind.Output => activation[layer],
                OpArgKind.OutputGradient => gradient[layer],
                OpArgKind.InputGradient => InputNeedsGradient(node, a.Position) ? gradient[node.Inputs[a.Position]] : null,
                OpArgKind.Buffer => layerBuffers[(layer, a.Text)],
                _ => null,
            };
            if (s is not null)
            {
                yield return s;
            }
        }
    }

    private static EquatableArray<T> EquatableArrayOf<T>(params T[] items)
        where T : System.IEquatable<T> => EquatableArray.Create(items);

    private static IEnumerable<OpArg> Flatten(IEnumerable<OpArg> arguments) =>
        arguments.SelectMany(a => a.Kind == OpArgKind.Format ? Flatten(a.Parts!) : new[] { a });

    /// <summary>The forward or backward method: each layer's calls, resolved to code, under its comment.</summary>
    private MethodPlan Method(bool backward)
    {
        var uses = new List<string>();
        bool writes = false;
        var blocks = new List<PlannedBlock>();
        IEnumerable<int> order = backward ? graph.Order.Reverse() : graph.Order;
        foreach (int i in order.Where(i => graph.Layers[i].Inputs.Count > 0))
        {
            LayerNode layer = graph.Layers[i];
            LayerLowering lowering = lowerings[i]!;
            if (backward && !HasGradientWork(layer))
            {
                continue;
            }

            var calls = new List<PlannedCall>();
            foreach ((LayerOp op, bool redirect) in backward
                ? lowering.BackwardOps.Select(op => (op, true)).Concat(plannerBackward[i].Select(op => (op, false)))
                : lowering.ForwardOps.Select(op => (op, false)))
            {
                calls.Add(new PlannedCall(op.Target, op.Arguments.Select(a => Resolve(i, a, redirect, uses, ref writes)).ToEquatableArray()));
            }

            if (backward && calls.Count == 0)
            {
                continue;
            }

            string? note = backward
                ? lowering.BackwardOps.Count == 0 ? "backward: pass the gradient on" : "backward"
                : lowering.Note ?? (lowering.AliasesInput ? $"views {Use(uses, Local(layer.Inputs[0]))}: no work" : null);
            blocks.Add(new PlannedBlock(Comment(layer, note), calls.ToEquatableArray()));
        }

        if (!backward && outputCopy is var (from, to))
        {
            var copy = new PlannedCall(LayerLowering.Kernels + "ElementwiseKernel.Copy", EquatableArrayOf(Use(uses, from), Use(uses, to)));
            blocks.Add(new PlannedBlock("The output is an input unchanged: copy it.", EquatableArrayOf(copy)));
        }

        return new MethodPlan(blocks.ToEquatableArray(), uses.ToEquatableArray(), writes);
    }

    private string Comment(LayerNode layer, string? note)
    {
        string inputs = string.Join(" + ", layer.Inputs.Select(j => ShapeText(graph.Layers[j].OutputShape)));
        return $"{layer.Path} ({layer.KerasClassName}): {inputs} -> {ShapeText(layer.OutputShape)}{(note is null ? string.Empty : ", " + note)}";
    }

    /// <summary>The code of one argument of layer <paramref name="layer"/>'s call.</summary>
    /// <param name="redirect">True for the layer's own calls, whose input gradients may go to scratch (see <see cref="PlanAccumulation"/>).</param>
    private string Resolve(int layer, OpArg a, bool redirect, List<string> uses, ref bool writes)
    {
        LayerNode node = graph.Layers[layer];
        string code;
        switch (a.Kind)
        {
            case OpArgKind.Code:
                code = a.Text;
                break;
            case OpArgKind.Batch:
                code = "batch";
                break;
            case OpArgKind.Input:
                code = Use(uses, Local(node.Inputs[a.Position]));
                break;
            case OpArgKind.Output:
                code = Use(uses, Local(layer));
                break;
            case OpArgKind.OutputGradient:
                code = Use(uses, gradient[layer]!.Variable);
                break;
            case OpArgKind.InputGradient:
                code = !InputNeedsGradient(node, a.Position) ? "default"
                    : Use(uses, redirect && redirects.TryGetValue((layer, a.Position), out Storage? scratch) ? scratch.Variable : gradient[node.Inputs[a.Position]]!.Variable);
                break;
            case OpArgKind.Weight:
                code = Use(uses, weights[(layer, a.Text)].Variable);
                break;
            case OpArgKind.State:
                writes = true;
                code = Use(uses, weights[(layer, a.Text)].Variable);
                break;
            case OpArgKind.WeightGradient:
                code = Use(uses, ModelNames.WeightGradient(weights[(layer, a.Text)].Variable));
                break;
            case OpArgKind.Buffer:
                code = Use(uses, layerBuffers[(layer, a.Text)].Variable);
                break;
            case OpArgKind.Accumulate:
                code = accumulates.Contains((layer, a.Position)) && !(redirect && redirects.ContainsKey((layer, a.Position))) ? "true" : "false";
                break;
            case OpArgKind.PreActivationFlag:
                code = layer == graph.OutputLayer ? "outputGradientIsPreActivation" : "false";
                break;
            case OpArgKind.Random:
                code = Use(uses, shared.Random(a.Position, layer));
                break;
            case OpArgKind.Field:
                FieldRequest field = lowerings[layer]!.Fields.First(f => f.Suffix == a.Text);
                code = shared.Field(layer, field.Suffix, field.Type, field.Initializer, field.Comment);
                break;
            case OpArgKind.Scratch:
                string size = Resolve(layer, a.Parts![0], redirect, uses, ref writes);
                if (!scratchSizes.Contains(size))
                {
                    scratchSizes.Add(size);
                }

                code = Use(uses, names.Scratch);
                break;
            case OpArgKind.Derived:
                code = DerivedField(layer, a, uses, ref writes);
                break;
            default:
                var parts = new List<string>();
                foreach (OpArg part in a.Parts!)
                {
                    parts.Add(Resolve(layer, part, redirect, uses, ref writes));
                }

                code = string.Format(CultureInfo.InvariantCulture, a.Text, parts.ToArray());
                break;
        }

        return a.Label is null ? code : a.Label + ": " + code;
    }

    /// <summary>The field of a buffer derived from the weights, declared on first use (inference only: training reads the weights as they change).</summary>
    private string DerivedField(int layer, OpArg a, List<string> uses, ref bool writes)
    {
        if (training)
        {
            throw new System.InvalidOperationException($"{graph.Layers[layer].Path}: a derived buffer ('{a.Text}') is for the inference pass; the training pass reads the weights themselves.");
        }

        string variable = names.Buffer(layer, a.Text);
        if (!derived.Any(d => d.Variable == variable))
        {
            string size = Resolve(layer, a.Parts![0], redirect: false, uses, ref writes);
            derived.Add(new DerivedSlot(variable, size, $"{graph.Layers[layer].Path} {a.Text}, derived from its weights for the inference pass"));
        }

        return variable;
    }

    /// <summary>The prepare method: every layer's calls that rebuild its derived buffers from the weights.</summary>
    private MethodPlan PrepareMethod()
    {
        var uses = new List<string>();
        bool writes = false;
        var blocks = new List<PlannedBlock>();
        foreach (int i in graph.Order.Where(i => lowerings[i] is { PrepareOps.Count: > 0 }))
        {
            LayerNode layer = graph.Layers[i];
            var calls = lowerings[i]!.PrepareOps
                .Select(op => new PlannedCall(op.Target, op.Arguments.Select(a => Resolve(i, a, redirect: false, uses, ref writes)).ToEquatableArray()))
                .ToEquatableArray();
            blocks.Add(new PlannedBlock($"{layer.Path} ({layer.KerasClassName})", calls));
        }

        return new MethodPlan(blocks.ToEquatableArray(), uses.ToEquatableArray(), writes);
    }

    /// <summary>The local holding a layer's output: the caller's <c>output</c> for the inference output.</summary>
    private string Local(int layer) => activation[layer]!.Source == BufferSource.Output ? "output" : activation[layer]!.Variable;

    private static string Use(List<string> uses, string variable)
    {
        if (variable.Length > 0 && variable != "output" && !uses.Contains(variable))
        {
            uses.Add(variable);
        }

        return variable;
    }
}
