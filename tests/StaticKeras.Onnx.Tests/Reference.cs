namespace StaticKeras.Onnx.Tests;

/// <summary>
/// Scalar references written from Keras 3's formulas (the file of each is named), in double
/// precision, in Keras's layouts: channels-last, the batch first.
/// </summary>
public static partial class Reference
{
    /// <summary>keras/src/layers/core/dense.py: <c>x · kernel + bias</c> over the last axis.</summary>
    public static float[] Dense(float[] x, float[] kernel, float[] bias, int rows, int inputs, int units)
    {
        var y = new float[rows * units];
        for (int r = 0; r < rows; r++)
        {
            for (int u = 0; u < units; u++)
            {
                double sum = bias[u];
                for (int k = 0; k < inputs; k++)
                {
                    sum += (double)x[(r * inputs) + k] * kernel[(k * units) + u];
                }

                y[(r * units) + u] = (float)sum;
            }
        }

        return y;
    }

    /// <summary>keras/src/activations/activations.py, each at its Keras default.</summary>
    public static float Activation(string name, float value)
    {
        double x = value;
        double result = name switch
        {
            "linear" => x,
            "relu" => Math.Max(0, x),
            "relu6" => Math.Min(Math.Max(0, x), 6),
            "leaky_relu" => x > 0 ? x : 0.2 * x,
            "elu" => x > 0 ? x : Math.Exp(x) - 1,
            "selu" => 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.Exp(x) - 1)),
            "sigmoid" => Sigmoid(x),
            "hard_sigmoid" => HardSigmoid(x),
            "tanh" => Math.Tanh(x),
            "softplus" => Softplus(x),
            "softsign" => x / (Math.Abs(x) + 1),
            "gelu" => 0.5 * x * (1 + Erf(x / Math.Sqrt(2))),
            "gelu_tanh" => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + (0.044715 * x * x * x)))),
            "silu" => x * Sigmoid(x),
            "hard_silu" => x * HardSigmoid(x),
            "mish" => x * Math.Tanh(Softplus(x)),
            "exponential" => Math.Exp(x),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
        return (float)result;
    }

    /// <summary>keras/src/activations/activations.py softmax and log_softmax over the last axis.</summary>
    public static float[] Softmax(float[] x, int axis, bool log)
    {
        var y = new float[x.Length];
        for (int row = 0; row < x.Length / axis; row++)
        {
            ReadOnlySpan<float> v = x.AsSpan(row * axis, axis);
            double max = v.ToArray().Max(), sum = 0;
            foreach (float value in v)
            {
                sum += Math.Exp(value - max);
            }

            for (int i = 0; i < axis; i++)
            {
                y[(row * axis) + i] = (float)(log ? v[i] - max - Math.Log(sum) : Math.Exp(v[i] - max) / sum);
            }
        }

        return y;
    }

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>Keras 3's hard_sigmoid: relu6(x + 3) / 6.</summary>
    public static double HardSigmoid(double x) => Math.Min(Math.Max(0, x + 3), 6) / 6;

    private static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

    /// <summary>erf by its Taylor series (plenty for |x| ≤ 5 in double precision).</summary>
    private static double Erf(double x)
    {
        double term = x, sum = x;
        for (int n = 1; n < 200; n++)
        {
            term *= -x * x / n;
            sum += term / ((2 * n) + 1);
        }

        return 2 / Math.Sqrt(Math.PI) * sum;
    }
}
