using System;
using System.Collections.Generic;
using StaticKeras.Tensors;

namespace StaticKeras;

public abstract partial class Optimizer
{
    private readonly List<OptimizerVariable> variables = new();
    private readonly List<string> weightDecayExclusions = new();
    private float[] scalars = Array.Empty<float>();
    private int bufferLength;
    private AlignedBuffer? averages;
    private AlignedBuffer? accumulators;

    /// <summary>
    /// Every variable of the optimizer in Keras 3's order, as <c>optimizer.variables</c> lists them
    /// and <c>.weights.h5</c> stores them under <c>optimizer/vars/&lt;i&gt;</c>: <c>iteration</c>;
    /// <c>learning_rate</c> unless a schedule gives it; with <see cref="UseEma"/> one <c>average</c> per
    /// trainable weight; with <see cref="GradientAccumulationSteps"/> one <c>gradient_accumulator</c>
    /// per weight; then the optimizer's own slots, interleaved per weight in each group its
    /// <c>build()</c> creates (Adam: <c>momentum</c>, <c>velocity</c> of the first weight, then of the
    /// second, ...). Each is a live view: reading and writing it reads and writes the optimizer's
    /// state bit for bit. Empty until the model is compiled.
    /// </summary>
    /// <remarks>
    /// Keras 3.10 changed the base part of the order: up to 3.9 <c>average</c> and
    /// <c>gradient_accumulator</c> alternate per weight; from 3.10 all averages come first
    /// (<c>base_optimizer.py</c>, <c>build</c>). This follows 3.10 and later. The slots' interleaving
    /// is the same in every 3.x release but 3.10.0's development snapshot of late April 2025.
    /// </remarks>
    public IReadOnlyList<OptimizerVariable> Variables => variables;

    /// <summary>
    /// Keras's <c>exclude_from_weight_decay(var_names=...)</c>: weights whose path contains any of
    /// <paramref name="names"/> (<c>"bias"</c>) get no weight decay.
    /// </summary>
    /// <param name="names">Substrings of weight paths such as <c>dense/bias</c>.</param>
    public void ExcludeFromWeightDecay(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        weightDecayExclusions.AddRange(names);
    }

    /// <summary>The raw step counter (Keras's <c>_iterations</c>), for <see cref="OptimizerVariable"/>.</summary>
    internal long RawIterations
    {
        get => rawIterations;
        set => rawIterations = value;
    }

    /// <summary>
    /// Declares state slots, one buffer per name, laid out like the parameter buffer, and lists
    /// them as Keras's <c>add_optimizer_variables(var_list, names)</c> does: the names' variables for
    /// the first weight, then for the second, and so on.
    /// </summary>
    /// <param name="names">Keras's slot names, in the order its <c>build()</c> passes them.</param>
    private protected AlignedBuffer[] AddSlots(params string[] names)
    {
        var buffers = new AlignedBuffer[names.Length];
        for (int k = 0; k < names.Length; k++)
        {
            buffers[k] = State(bufferLength);
        }

        foreach (WeightDefinition w in weights)
        {
            for (int k = 0; k < names.Length; k++)
            {
                variables.Add(OptimizerVariable.Slot(this, w.Path.Replace('/', '_') + "_" + names[k], w, buffers[k]));
            }
        }

        return buffers;
    }

    /// <summary>Declares a scalar float variable (Nadam's <c>u_product</c>); returns its index in <see cref="Scalars"/>.</summary>
    private protected int AddScalar(string name, float initial)
    {
        int index = scalars.Length;
        Array.Resize(ref scalars, index + 1);
        scalars[index] = initial;
        variables.Add(OptimizerVariable.Scalar(this, name, scalars, index));
        return index;
    }

    /// <summary>The scalar variables' values, by the index <see cref="AddScalar"/> returned.</summary>
    private protected Span<float> Scalars => scalars;

    private void BeginVariables(int length)
    {
        bufferLength = length;
        variables.Clear();
        scalars = Array.Empty<float>();
        variables.Add(OptimizerVariable.Iteration(this));
        if (schedule is null)
        {
            variables.Add(OptimizerVariable.Scalar(this, "learning_rate", learningRateCell, 0));
        }

        averages = UseEma ? AddSlots("average")[0] : null;
        accumulators = accumulationSteps is not null ? AddSlots("gradient_accumulator")[0] : null;
    }

    private bool IsExcludedFromWeightDecay(WeightDefinition w)
    {
        foreach (string name in weightDecayExclusions)
        {
            if (w.Path.Contains(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
