namespace StaticKeras.Kernels.Tests.Optimizers;

/// <summary>
/// Keras's update rules written out in double precision, one element at a time, straight from
/// <c>keras/src/optimizers/*.py</c> (<c>update_step</c>), as the reference the optimizers are checked against.
/// </summary>
internal static class OptimizerReference
{
    /// <summary>Runs <paramref name="steps"/> updates of <paramref name="name"/> with Keras's defaults on one weight with a fixed gradient sequence.</summary>
    public static double[] Run(string name, float[] weights, Func<int, float[]> gradientAt, int steps, double lr = 0.01)
    {
        var w = Array.ConvertAll(weights, v => (double)v);
        var s0 = new double[w.Length];
        var s1 = new double[w.Length];
        var s2 = new double[w.Length];
        if (name is "adagrad" or "ftrl")
        {
            Array.Fill(s0, 0.1);
        }

        double uProduct = 1;
        for (int t = 1; t <= steps; t++)
        {
            float[] g = gradientAt(t - 1);
            double uT = 0.9 * (1 - (0.5 * Math.Pow(0.96, t))), uNext = 0.9 * (1 - (0.5 * Math.Pow(0.96, t + 1)));
            uProduct *= uT;
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = Element(name, w[i], g[i], ref s0[i], ref s1[i], ref s2[i], t, lr, uT, uNext, uProduct);
            }
        }

        return w;
    }

    private static double Element(string name, double w, double g, ref double a, ref double b, ref double c, int t, double lr, double uT, double uNext, double uProduct)
    {
        const double eps = 1e-7;
        switch (name)
        {
            case "adam" or "amsgrad":
                a += (g - a) * 0.1;
                b += ((g * g) - b) * 0.001;
                c = Math.Max(c, b);
                double alpha = lr * Math.Sqrt(1 - Math.Pow(0.999, t)) / (1 - Math.Pow(0.9, t));
                return w - (alpha * a / (Math.Sqrt(name == "adam" ? b : c) + eps));
            case "adagrad":
                a += g * g;
                return w - (lr * g / Math.Sqrt(a + eps));
            case "adadelta":
                a = (0.95 * a) + (0.05 * g * g);
                double delta = -Math.Sqrt(b + eps) * g / Math.Sqrt(a + eps);
                b = (0.95 * b) + (0.05 * delta * delta);
                return w + (lr * delta);
            case "adamax":
                a += (g - a) * 0.1;
                b = Math.Max(0.999 * b, Math.Abs(g));
                return w - (lr * a / ((1 - Math.Pow(0.9, t)) * (b + eps)));
            case "nadam":
                a += (g - a) * 0.1;
                b += ((g * g) - b) * 0.001;
                double mHat = (uNext * a / (1 - (uProduct * uNext))) + ((1 - uT) * g / (1 - uProduct));
                return w - (mHat * lr / (Math.Sqrt(b / (1 - Math.Pow(0.999, t))) + eps));
            case "lion":
                double update = Math.Sign((a * 0.9) + (g * 0.1));
                a = (a * 0.99) + (g * 0.01);
                return w - (lr * update);
            case "ftrl":
                double next = a + (g * g);
                b += g - ((Math.Sqrt(next) - Math.Sqrt(a)) / lr * w);
                a = next;
                return (Math.Clamp(b, 0, 0) - b) / (Math.Sqrt(next) / lr);
            case "rmsprop":
                a = (0.9 * a) + (0.1 * g * g);
                return w - (lr * g / Math.Sqrt(a + eps));
            default:
                a = (0.9 * a) - (lr * g);
                return w + a;
        }
    }

    /// <summary>The optimizer under test, with Keras's defaults but the learning rate.</summary>
    public static Optimizer Create(string name, float lr = 0.01f) => name switch
    {
        "adam" => new Adam(lr),
        "amsgrad" => new Adam(lr, amsgrad: true),
        "adagrad" => new Adagrad(lr),
        "adadelta" => new Adadelta(lr),
        "adamax" => new Adamax(lr),
        "nadam" => new Nadam(lr),
        "lion" => new Lion(lr),
        "ftrl" => new Ftrl(lr),
        "rmsprop" => new RMSprop(lr),
        _ => new SGD(lr, momentum: 0.9f),
    };

    public static TheoryData<string> Names() => new() { "adam", "amsgrad", "adagrad", "adadelta", "adamax", "nadam", "lion", "ftrl", "rmsprop", "sgd_momentum" };
}
