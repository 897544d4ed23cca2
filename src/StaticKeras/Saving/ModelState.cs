using System;
using System.Collections.Generic;

namespace StaticKeras.Saving;

/// <summary>
/// A model's state as a file holds it, checked and ready to apply: the weights' values by offset,
/// the optimizer's variables and the random streams. Built entirely before the model is touched,
/// so a file that fails validation changes nothing; <see cref="ApplyTo"/> only copies.
/// </summary>
internal sealed class ModelState
{
    /// <summary>Each weight's values and its offset in the parameter buffer.</summary>
    public List<(int Offset, float[] Values)> Weights { get; } = new();

    /// <summary>The optimizer's variables in <see cref="Optimizer.Variables"/> order, or null to leave the optimizer as it is.</summary>
    public List<KerasVariable>? Optimizer { get; set; }

    /// <summary>The shuffle stream's state, then each layer stream's, or null to leave them.</summary>
    public uint[]? RandomStates { get; set; }

    /// <summary>Copies everything into the model's buffers and streams (called under the weights' write gate).</summary>
    public void ApplyTo(Span<float> parameters, Optimizer? optimizer, IReadOnlyList<SeededRandom> streams)
    {
        foreach ((int offset, float[] values) in Weights)
        {
            values.CopyTo(parameters.Slice(offset, values.Length));
        }

        if (Optimizer is { } variables && optimizer is not null)
        {
            for (int i = 0; i < variables.Count; i++)
            {
                OptimizerVariable target = optimizer.Variables[i];
                if (target.IsInteger)
                {
                    target.IntegerValue = variables[i].AsInt64()[0];
                }
                else
                {
                    variables[i].AsFloat32().CopyTo(target.Values);
                }
            }
        }

        if (RandomStates is { } states)
        {
            for (int i = 0; i < streams.Count; i++)
            {
                streams[i].RestoreState(states.AsSpan(i * SeededRandom.StateLength, SeededRandom.StateLength));
            }
        }
    }
}
