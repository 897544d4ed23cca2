using System;

namespace StaticKeras;

/// <summary>Mean absolute or squared error over every value seen, as Keras's regression metrics.</summary>
internal sealed class MeanErrorMetric : Metric
{
    private readonly bool squared;
    private double sum;
    private long count;

    public MeanErrorMetric(string name, bool squared)
    {
        Name = name;
        this.squared = squared;
    }

    public override string Name { get; }

    public override void Reset()
    {
        sum = 0;
        count = 0;
    }

    public override void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols, int labelsPerRow)
    {
        int n = rows * cols;
        for (int i = 0; i < n; i++)
        {
            double d = predictions[i] - labels[i];
            sum += squared ? d * d : Math.Abs(d);
        }

        count += n;
    }

    public override double Result() => count == 0 ? 0 : sum / count;
}
