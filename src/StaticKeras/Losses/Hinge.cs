using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Hinge</c> (<c>keras/src/losses/losses.py</c>, <c>hinge</c>): <c>max(1 − y_true·y_pred, 0)</c>,
/// averaged over the last axis. Labels are −1 or 1; when every label of the batch is 0 or 1 they
/// are converted to −1 and 1 first, as Keras's <c>convert_binary_labels_to_hinge</c> does.
/// </summary>
public class Hinge : ElementwiseLoss
{
    private bool binaryLabels;

    /// <inheritdoc/>
    public override string Name => "hinge";

    /// <inheritdoc/>
    protected override void BeginBatch(ReadOnlySpan<float> labels)
    {
        binaryLabels = true;
        foreach (float y in labels)
        {
            binaryLabels &= y == 0 || y == 1;
        }
    }

    /// <inheritdoc/>
    protected override double Element(double prediction, double label, out double derivative)
    {
        double y = binaryLabels ? (2 * label) - 1 : label;
        double margin = 1 - (y * prediction);
        return Margin(Math.Max(margin, 0), y, out derivative);
    }

    /// <summary>The loss of a clipped margin <c>max(1 − y·p, 0)</c> and its derivative with respect to p.</summary>
    /// <param name="margin">The clipped margin.</param>
    /// <param name="label">The label in {−1, 1}.</param>
    /// <param name="derivative">Receives d(loss)/d(prediction).</param>
    private protected virtual double Margin(double margin, double label, out double derivative)
    {
        derivative = margin > 0 ? -label : 0;
        return margin;
    }
}

/// <summary>
/// Keras's <c>SquaredHinge</c> (<c>losses.py</c>, <c>squared_hinge</c>): <c>max(1 − y_true·y_pred, 0)²</c>,
/// averaged over the last axis, with <see cref="Hinge"/>'s conversion of 0/1 labels.
/// </summary>
public sealed class SquaredHinge : Hinge
{
    /// <inheritdoc/>
    public override string Name => "squared_hinge";

    /// <inheritdoc/>
    private protected override double Margin(double margin, double label, out double derivative)
    {
        derivative = -2 * label * margin;
        return margin * margin;
    }
}
