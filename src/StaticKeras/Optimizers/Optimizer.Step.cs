using System;
using System.Numerics.Tensors;

namespace StaticKeras;

public abstract partial class Optimizer
{
    /// <summary>
    /// One call per batch, as Keras's <c>apply</c>: accumulate or update (clip, decay, the
    /// optimizer's update), then the moving average; the gradients may be changed in place.
    /// </summary>
    internal void Apply(Span<float> parameters, Span<float> gradients)
    {
        if (accumulationSteps is { } steps && accumulators is not null)
        {
            if ((rawIterations + 1) % steps != 0)
            {
                foreach (WeightDefinition w in weights)
                {
                    Span<float> acc = accumulators.Span.Slice(w.Offset, w.Size);
                    TensorPrimitives.Add(acc, gradients.Slice(w.Offset, w.Size), acc);
                }
            }
            else
            {
                // Keras: grads = (g + accumulated) / steps, then the update, then the accumulators reset.
                foreach (WeightDefinition w in weights)
                {
                    Span<float> acc = accumulators.Span.Slice(w.Offset, w.Size), g = gradients.Slice(w.Offset, w.Size);
                    TensorPrimitives.Add(g, acc, g);
                    TensorPrimitives.Divide(g, steps, g);
                    acc.Clear();
                }

                UpdateAll(parameters, gradients);
            }
        }
        else
        {
            UpdateAll(parameters, gradients);
        }

        if (UseEma)
        {
            UpdateAverages(parameters);
        }

        rawIterations++;
    }

    /// <summary>
    /// Keras's <c>finalize_variable_values</c>, called when Fit ends: with <see cref="UseEma"/>, the
    /// trainable weights become their moving averages.
    /// </summary>
    internal void FinalizeVariableValues(Span<float> parameters)
    {
        if (UseEma && averages is not null)
        {
            OverwriteWithAverages(parameters);
        }
    }

    private void UpdateAll(Span<float> parameters, Span<float> gradients)
    {
        ClipGradients(gradients);
        if (WeightDecay is { } decay && decay != 0)
        {
            float factor = 1f - (decay * LearningRate);
            foreach (WeightDefinition w in weights)
            {
                if (!IsExcludedFromWeightDecay(w))
                {
                    Span<float> p = parameters.Slice(w.Offset, w.Size);
                    TensorPrimitives.Multiply(p, factor, p);
                }
            }
        }

        long step = Iterations + 1;
        BeginStep(step);
        foreach (WeightDefinition w in weights)
        {
            Update(parameters.Slice(w.Offset, w.Size), gradients.Slice(w.Offset, w.Size), w.Offset, step);
        }
    }

    /// <summary>Called once per update before the weights' updates, with the 1-based step: per-step constants go here.</summary>
    /// <param name="step">The 1-based step number.</param>
    private protected virtual void BeginStep(long step)
    {
    }

    /// <summary>
    /// Keras's <c>_update_model_variables_moving_average</c>: the first update copies the weights
    /// (momentum 0 while <c>iterations</c> is 0); every later one mixes them in with <see cref="EmaMomentum"/>.
    /// </summary>
    private void UpdateAverages(Span<float> parameters)
    {
        float momentum = Iterations != 0 ? EmaMomentum : 0f;
        foreach (WeightDefinition w in weights)
        {
            Span<float> average = averages!.Span.Slice(w.Offset, w.Size);
            TensorPrimitives.Multiply(average, momentum, average);
            TensorPrimitives.MultiplyAdd(parameters.Slice(w.Offset, w.Size), 1f - momentum, average, average);
        }

        if (emaOverwriteFrequency is { } every && (Iterations + 1) % every == 0)
        {
            OverwriteWithAverages(parameters);
        }
    }

    private void OverwriteWithAverages(Span<float> parameters)
    {
        foreach (WeightDefinition w in weights)
        {
            averages!.Span.Slice(w.Offset, w.Size).CopyTo(parameters.Slice(w.Offset, w.Size));
        }
    }

    /// <summary>Keras's <c>_clip_gradients</c>: by norm per weight, by global norm, or by value.</summary>
    private void ClipGradients(Span<float> gradients)
    {
        if (ClipNorm is { } n && n > 0)
        {
            foreach (WeightDefinition w in weights)
            {
                Scale(gradients.Slice(w.Offset, w.Size), n, TensorPrimitives.Norm(gradients.Slice(w.Offset, w.Size)));
            }
        }
        else if (GlobalClipNorm is { } g && g > 0)
        {
            double sum = 0;
            foreach (WeightDefinition w in weights)
            {
                sum += TensorPrimitives.SumOfSquares(gradients.Slice(w.Offset, w.Size));
            }

            float norm = (float)Math.Sqrt(sum);
            foreach (WeightDefinition w in weights)
            {
                Scale(gradients.Slice(w.Offset, w.Size), g, norm);
            }
        }
        else if (ClipValue is { } v && v > 0)
        {
            foreach (WeightDefinition w in weights)
            {
                Span<float> slice = gradients.Slice(w.Offset, w.Size);
                TensorPrimitives.Clamp(slice, -v, v, slice);
            }
        }
    }

    private static void Scale(Span<float> g, float clip, float norm)
    {
        if (norm > clip)
        {
            TensorPrimitives.Multiply(g, clip / norm, g);
        }
    }
}
