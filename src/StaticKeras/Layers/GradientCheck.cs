using System;
using System.Collections.Generic;

namespace StaticKeras;

/// <summary>
/// Checks a model's backward pass against finite differences of its forward pass: the one-line
/// test for a layer you wrote. Put the layer in a small model (with a Dense before it, so its
/// input gradient is checked too), compile it with a loss, and call
/// <c>GradientCheck.Run(model, x, y).ThrowIfFailed()</c>.
/// </summary>
/// <remarks>
/// Every trainable weight's gradient from <c>Backward</c> is compared, element by element (a
/// sample of each weight), with the central difference <c>(L(w + ε) − L(w − ε)) / 2ε</c> of the
/// training-mode loss. Random streams are rewound before every evaluation, so dropout and noise
/// draw the same values each time, and the model's weights and state are left as they were.
/// </remarks>
public static class GradientCheck
{
    /// <summary>Runs the check on one batch.</summary>
    /// <param name="model">A compiled model (the loss is the one given to <c>Compile</c>).</param>
    /// <param name="x">The batch, row-major.</param>
    /// <param name="y">Its targets, as <c>TrainOnBatch</c> takes them.</param>
    /// <param name="epsilon">The step ε.</param>
    /// <param name="tolerance">
    /// A gradient passes when <c>|analytic − numeric| ≤ tolerance · (0.2 + |numeric|)</c>: relative,
    /// with an absolute floor for float32's rounding of the loss.
    /// </param>
    /// <param name="valuesPerWeight">How many elements of each weight to check (evenly spaced; all of a smaller weight).</param>
    /// <returns>The worst element found and whether every element passed.</returns>
    public static GradientCheckResult Run(Model model, float[] x, float[] y, float epsilon = 1e-3f, double tolerance = 1e-2, int valuesPerWeight = 24)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        float[] saved = model.ParameterValues.ToArray();
        uint[][] random = SaveRandom(model);
        RestoreRandom(model, random);
        model.ComputeGradients(x, y);
        float[] analytic = model.GradientValues.ToArray();
        var worst = new GradientCheckResult(true, 0, string.Empty, -1, 0, 0, 0);
        int count = 0;
        try
        {
            foreach (WeightDefinition w in model.Definition.Weights)
            {
                if (!w.Trainable)
                {
                    continue;
                }

                int step = Math.Max(1, w.Size / Math.Max(1, valuesPerWeight));
                for (int i = 0; i < w.Size; i += step)
                {
                    int at = w.Offset + i;
                    double numeric = (Loss(model, saved, random, at, saved[at] + epsilon, x, y) - Loss(model, saved, random, at, saved[at] - epsilon, x, y)) / (2.0 * epsilon);
                    double error = Math.Abs(analytic[at] - numeric) / (0.2 + Math.Abs(numeric));
                    count++;
                    if (error > worst.WorstError)
                    {
                        worst = new GradientCheckResult(true, error, w.Path, i, analytic[at], numeric, 0);
                    }
                }
            }
        }
        finally
        {
            saved.CopyTo(model.ParameterValues);
            RestoreRandom(model, random);
        }

        return worst with { Passed = worst.WorstError <= tolerance, Checked = count };
    }

    /// <summary>Runs the check with integer class ids as targets.</summary>
    /// <inheritdoc cref="Run(Model, float[], float[], float, double, int)"/>
    public static GradientCheckResult Run(Model model, float[] x, int[] y, float epsilon = 1e-3f, double tolerance = 1e-2, int valuesPerWeight = 24) =>
        Run(model, x, Array.ConvertAll(y ?? throw new ArgumentNullException(nameof(y)), v => (float)v), epsilon, tolerance, valuesPerWeight);

    private static double Loss(Model model, float[] saved, uint[][] random, int at, float value, float[] x, float[] y)
    {
        saved.CopyTo(model.ParameterValues);
        model.ParameterValues[at] = value;
        RestoreRandom(model, random);
        return model.TrainingLoss(x, y);
    }

    private static uint[][] SaveRandom(Model model)
    {
        IReadOnlyList<SeededRandom> streams = model.RandomStreams;
        var states = new uint[streams.Count][];
        for (int i = 0; i < states.Length; i++)
        {
            states[i] = new uint[SeededRandom.StateLength];
            streams[i].SaveState(states[i]);
        }

        return states;
    }

    private static void RestoreRandom(Model model, uint[][] states)
    {
        for (int i = 0; i < states.Length; i++)
        {
            model.RandomStreams[i].RestoreState(states[i]);
        }
    }
}

/// <summary>What <see cref="GradientCheck.Run(Model, float[], float[], float, double, int)"/> found.</summary>
/// <param name="Passed">True when every checked element was within the tolerance.</param>
/// <param name="WorstError">The largest relative error, <c>|analytic − numeric| / (0.2 + |numeric|)</c>.</param>
/// <param name="WorstWeight">The weight it was in (<c>rms_norm/scale</c>).</param>
/// <param name="WorstIndex">The element of that weight.</param>
/// <param name="Analytic">The backward pass's gradient there.</param>
/// <param name="Numeric">The finite difference there.</param>
/// <param name="Checked">How many elements were checked.</param>
public sealed record GradientCheckResult(bool Passed, double WorstError, string WorstWeight, int WorstIndex, double Analytic, double Numeric, int Checked)
{
    /// <summary>Throws when the check failed, naming the worst element.</summary>
    /// <exception cref="InvalidOperationException">The check failed.</exception>
    public void ThrowIfFailed()
    {
        if (!Passed)
        {
            throw new InvalidOperationException(ToString());
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"Gradient check {(Passed ? "passed" : "FAILED")} over {Checked} values: worst at {WorstWeight}[{WorstIndex}], backward {Analytic:G6} vs finite difference {Numeric:G6} (relative error {WorstError:G3}).";
}
