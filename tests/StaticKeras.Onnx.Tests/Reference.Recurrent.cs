namespace StaticKeras.Onnx.Tests;

public static partial class Reference
{
    /// <summary>
    /// keras/src/layers/rnn/lstm.py (LSTMCell.call, implementation 2): <c>z = x·W + h·U + b</c>
    /// split into i, f, c, o; <c>c = σ(f)·c + σ(i)·tanh(c̃)</c>, <c>h = σ(o)·tanh(c)</c>. Returns
    /// every step's h, <c>(batch, steps, units)</c>.
    /// </summary>
    public static float[] Lstm(float[] x, int batch, int steps, int inputs, int units, float[] kernel, float[] recurrent, float[] bias, Func<double, double>? recurrentActivation = null)
    {
        Func<double, double> gate = recurrentActivation ?? Sigmoid;
        var y = new float[batch * steps * units];
        for (int n = 0; n < batch; n++)
        {
            var h = new double[units];
            var c = new double[units];
            for (int t = 0; t < steps; t++)
            {
                double[] z = Affine(x.AsSpan(((n * steps) + t) * inputs, inputs), h, kernel, recurrent, bias, 4 * units);
                for (int j = 0; j < units; j++)
                {
                    c[j] = (gate(z[units + j]) * c[j]) + (gate(z[j]) * Math.Tanh(z[(2 * units) + j]));
                    h[j] = gate(z[(3 * units) + j]) * Math.Tanh(c[j]);
                    y[(((n * steps) + t) * units) + j] = (float)h[j];
                }
            }
        }

        return y;
    }

    /// <summary>
    /// keras/src/layers/rnn/gru.py (GRUCell.call): with reset_after,
    /// <c>hh = tanh(x·W_h + b_h + r·(h·U_h + b'_h))</c>; without it <c>hh = tanh(x·W_h + b_h + (r·h)·U_h)</c>;
    /// then <c>h = z·h + (1 − z)·hh</c>. Returns every step's h.
    /// </summary>
    public static float[] Gru(float[] x, int batch, int steps, int inputs, int units, float[] kernel, float[] recurrent, float[] bias, bool resetAfter)
    {
        int width = 3 * units;
        float[] inputBias = bias[..width], recurrentBias = resetAfter ? bias[width..] : new float[width];
        var y = new float[batch * steps * units];
        for (int n = 0; n < batch; n++)
        {
            var h = new double[units];
            for (int t = 0; t < steps; t++)
            {
                double[] xz = Affine(x.AsSpan(((n * steps) + t) * inputs, inputs), new double[units], kernel, recurrent, inputBias, width);
                double[] inner = Affine([], h, [], recurrent, recurrentBias, width);
                var next = new double[units];
                for (int j = 0; j < units; j++)
                {
                    double z = Sigmoid(xz[j] + inner[j]);
                    double r = Sigmoid(xz[units + j] + inner[units + j]);
                    double recurrentH = resetAfter ? r * inner[(2 * units) + j] : ResetRecurrent(h, r, recurrent, units, j, xz, inner);
                    double hh = Math.Tanh(xz[(2 * units) + j] + recurrentH);
                    next[j] = (z * h[j]) + ((1 - z) * hh);
                }

                for (int j = 0; j < units; j++)
                {
                    h[j] = next[j];
                    y[(((n * steps) + t) * units) + j] = (float)h[j];
                }
            }
        }

        return y;
    }

    /// <summary>(r·h)·U_h for unit j, r recomputed per unit k from the same pre-activations.</summary>
    private static double ResetRecurrent(double[] h, double _, float[] recurrent, int units, int j, double[] xz, double[] inner)
    {
        double sum = 0;
        for (int k = 0; k < units; k++)
        {
            double rk = Sigmoid(xz[units + k] + inner[units + k]);
            sum += rk * h[k] * recurrent[(k * 3 * units) + (2 * units) + j];
        }

        return sum;
    }

    /// <summary><c>x·W + h·U + b</c> for a row of width <paramref name="width"/>.</summary>
    private static double[] Affine(ReadOnlySpan<float> x, double[] h, float[] kernel, float[] recurrent, float[] bias, int width)
    {
        var z = new double[width];
        for (int j = 0; j < width; j++)
        {
            double sum = bias[j];
            for (int k = 0; k < x.Length; k++)
            {
                sum += (double)x[k] * kernel[(k * width) + j];
            }

            for (int k = 0; k < h.Length; k++)
            {
                sum += h[k] * recurrent[(k * width) + j];
            }

            z[j] = sum;
        }

        return z;
    }

    /// <summary>The last step of a <c>(batch, steps, units)</c> sequence.</summary>
    public static float[] LastStep(float[] sequence, int batch, int steps, int units) =>
        [.. Enumerable.Range(0, batch).SelectMany(n => sequence.AsSpan((((n * steps) + steps - 1) * units), units).ToArray())];
}
