namespace StaticKeras.IntegrationTests.TestModels;

/// <summary>
/// Root-mean-square normalisation over the last axis, <c>y = x / rms(x) · scale</c>: a user layer
/// with a weight and a cache, written against the public contract only.
/// </summary>
[LayerShape("(*, d) -> (*, d)")]
[LayerWeight("scale", "(d)", Initializer = "ones")]
[LayerCache("inverse_rms", "(*)")]
public sealed class RmsNorm : ILayer
{
    private const float Epsilon = 1e-6f;

    public static void Forward(in LayerContext c, ReadOnlySpan<float> x, Span<float> y)
    {
        int d = c.InputShape[^1];
        ReadOnlySpan<float> scale = c.Weight("scale");
        Span<float> inverse = c.Cache(0);
        for (int r = 0; r < x.Length / d; r++)
        {
            ReadOnlySpan<float> row = x.Slice(r * d, d);
            float meanSquare = System.Numerics.Tensors.TensorPrimitives.SumOfSquares(row) / d;
            float inv = 1f / MathF.Sqrt(meanSquare + Epsilon);
            if (!inverse.IsEmpty)
            {
                inverse[r] = inv;
            }

            for (int j = 0; j < d; j++)
            {
                y[(r * d) + j] = row[j] * inv * scale[j];
            }
        }
    }

    public static void Backward(in LayerContext c, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        int d = c.InputShape[^1];
        ReadOnlySpan<float> scale = c.Weight(0);
        ReadOnlySpan<float> inverse = c.Cache(0);
        Span<float> dScale = c.WeightGradient("scale");
        dScale.Clear();
        for (int r = 0; r < x.Length / d; r++)
        {
            float inv = inverse[r];
            float dot = 0f;
            for (int j = 0; j < d; j++)
            {
                float g = dy[(r * d) + j];
                dScale[j] += g * x[(r * d) + j] * inv;
                dot += g * scale[j] * x[(r * d) + j];
            }

            if (dx.IsEmpty)
            {
                continue;
            }

            // y_j = x_j·s_j·inv with inv = (mean(x²) + ε)^-½: dx_k = inv·(g_k·s_k − x_k·inv²·Σ g_j·s_j·x_j / d).
            for (int k = 0; k < d; k++)
            {
                dx[(r * d) + k] = inv * ((dy[(r * d) + k] * scale[k]) - (x[(r * d) + k] * inv * inv * dot / d));
            }
        }
    }
}

/// <summary><c>[ScaledDense(units, Factor = f)]</c>: a user layer with arguments, through its own attribute.</summary>
public sealed class ScaledDenseAttribute(int units) : LayerAttribute<ScaledDense>
{
    /// <summary>Output features.</summary>
    public int Units { get; } = units;

    /// <summary>A constant the output is multiplied by.</summary>
    public double Factor { get; set; } = 1.0;
}

/// <summary><c>y = Factor · x · kernel</c> on the last axis, kernel <c>(d, Units)</c>.</summary>
[LayerShape("(*, d) -> (*, Units)")]
[LayerWeight("kernel", "(d, Units)")]
public sealed class ScaledDense : ILayer
{
    public static void Forward(in LayerContext c, ReadOnlySpan<float> x, Span<float> y)
    {
        int d = c.InputShape[^1], units = c.OutputShape[^1];
        Kernels.Gemm.Multiply(x, false, c.Weight("kernel"), false, y, x.Length / d, units, d, accumulate: false);
        System.Numerics.Tensors.TensorPrimitives.Multiply(y, (float)c.Argument("Factor"), y);
    }

    public static void Backward(in LayerContext c, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        int d = c.InputShape[^1], units = c.OutputShape[^1], rows = x.Length / d;
        float factor = (float)c.Argument("Factor");
        Kernels.Gemm.Multiply(x, true, dy, false, c.WeightGradient(0), d, units, rows, accumulate: false);
        System.Numerics.Tensors.TensorPrimitives.Multiply(c.WeightGradient(0), factor, c.WeightGradient(0));
        if (!dx.IsEmpty)
        {
            Kernels.Gemm.Multiply(dy, false, c.Weight(0), true, dx, rows, d, units, accumulate: false);
            System.Numerics.Tensors.TensorPrimitives.Multiply(dx, factor, dx);
        }
    }
}

/// <summary><c>x · sigmoid(2x)</c>: a user activation whose derivative needs its input.</summary>
[KerasActivation("swish_beta2", Derivative = ActivationDerivative.FromInput)]
public readonly struct SwishBeta2 : IActivation
{
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = x[i] / (1f + MathF.Exp(-2f * x[i]));
        }
    }

    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            float s = 1f / (1f + MathF.Exp(-2f * x[i]));
            dx[i] = dy[i] * (s + (2f * x[i] * s * (1f - s)));
        }
    }
}

/// <summary>A residual block: Dense, a user layer, and the skip connection.</summary>
[Input(8, Name = "x")]
[Dense(8, Activation = Activation.Relu, Name = "h")]
[Layer<RmsNorm>(Name = "n")]
[Add("x", "n")]
public partial class ResidualBlock;

/// <summary>User activation, two uses of a block, a user layer with arguments, dropout.</summary>
[Input(6)]
[Dense(8, Activation = typeof(SwishBeta2))]
[Block<ResidualBlock>]
[Block<ResidualBlock>]
[Dropout(0.25)]
[ScaledDense(5, Factor = 0.5)]
[Layer<RmsNorm>]
[Dense(3, Activation = Activation.Softmax)]
public partial class UserModulesModel;

/// <summary>The new activation layers in one chain.</summary>
[Input(4, 5)]
[Dense(6, Activation = Activation.Gelu)]
[Activation("mish")]
[ReLU(MaxValue = 4, NegativeSlope = 0.1, Threshold = 0.05)]
[LeakyReLU]
[ELU(Alpha = 0.7)]
[PReLU(SharedAxes = [1])]
[Dense(3)]
[Softmax(Axis = 1)]
[Flatten]
[Dense(2, Activation = Activation.LogSoftmax)]
[Activation(Activation.Swish)]
public partial class ActivationLayersModel;

/// <summary><c>y = x · scale</c> with a wrong weight gradient (twice the truth), for the gradient check's own test.</summary>
[LayerShape("(*, d) -> (*, d)")]
[LayerWeight("scale", "(d)", Initializer = "ones")]
public sealed class BadScale : ILayer
{
    public static void Forward(in LayerContext c, ReadOnlySpan<float> x, Span<float> y)
    {
        int d = c.InputShape[^1];
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = x[i] * c.Weight(0)[i % d];
        }
    }

    public static void Backward(in LayerContext c, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        int d = c.InputShape[^1];
        Span<float> dScale = c.WeightGradient(0);
        dScale.Clear();
        for (int i = 0; i < x.Length; i++)
        {
            dScale[i % d] += 2 * dy[i] * x[i];
            if (!dx.IsEmpty)
            {
                dx[i] = dy[i] * c.Weight(0)[i % d];
            }
        }
    }
}

/// <summary>A model around <see cref="BadScale"/>.</summary>
[Input(4)]
[Dense(4)]
[Layer<BadScale>]
[Dense(2, Activation = Activation.Softmax)]
public partial class BadGradientModel;

/// <summary>The identity, whose training forward pass waits when armed: a test holds a training step open with it.</summary>
[LayerShape("(*) -> (*)")]
public sealed class Hold : ILayer
{
    private static int armed;

    /// <summary>Set when an armed forward pass has started.</summary>
    public static ManualResetEventSlim Entered { get; } = new();

    /// <summary>What an armed forward pass waits for.</summary>
    public static ManualResetEventSlim Release { get; } = new();

    /// <summary>Makes the next training forward pass wait.</summary>
    public static void Arm()
    {
        Entered.Reset();
        Release.Reset();
        Volatile.Write(ref armed, 1);
    }

    public static void Forward(in LayerContext c, ReadOnlySpan<float> x, Span<float> y)
    {
        x.CopyTo(y);
        if (c.Training && Interlocked.Exchange(ref armed, 0) == 1)
        {
            Entered.Set();
            Release.Wait(TimeSpan.FromSeconds(60));
        }
    }

    public static void Backward(in LayerContext c, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) => dy.CopyTo(dx);
}

/// <summary>A Dense and the <see cref="Hold"/> layer.</summary>
[Input(4)]
[Dense(4)]
[Layer<Hold>]
public partial class HeldModel;
