using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>"accuracy"</c>, resolved from shapes as Keras does: an output of width 1 gives
/// binary accuracy (threshold 0.5); one label per row with a wider output gives sparse categorical
/// accuracy (argmax equals the class id); otherwise categorical accuracy (argmaxes agree).
/// </summary>
public sealed class Accuracy : Metric
{
    private long correct;
    private long count;

    /// <inheritdoc/>
    public override string Name => "accuracy";

    /// <inheritdoc/>
    public override void Reset()
    {
        correct = 0;
        count = 0;
    }

    /// <inheritdoc/>
    public override void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols, int labelsPerRow)
    {
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> p = predictions.Slice(r * cols, cols);
            if (cols == 1)
            {
                // Binary: one label per row, compared with the thresholded prediction.
                correct += (p[0] > 0.5f ? 1f : 0f) == labels[r * labelsPerRow] ? 1 : 0;
            }
            else if (labelsPerRow == 1)
            {
                correct += ArgMax(p) == (int)labels[r] ? 1 : 0;
            }
            else
            {
                correct += ArgMax(p) == ArgMax(labels.Slice(r * cols, cols)) ? 1 : 0;
            }
        }

        count += rows;
    }

    /// <inheritdoc/>
    public override double Result() => count == 0 ? 0 : (double)correct / count;

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
