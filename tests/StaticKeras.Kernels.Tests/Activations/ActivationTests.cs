using static StaticKeras.Testing.FiniteDifferences;

namespace StaticKeras.Kernels.Tests.Activations;

/// <summary>
/// Every built-in activation module: its derivative against finite differences, computed only
/// from what its <see cref="KerasActivationAttribute"/> says it needs (so a module that declares
/// <c>FromOutput</c> but reads its input fails), and softmax's stability.
/// </summary>
public sealed class ActivationTests
{
    /// <summary>Where piecewise activations have kinks; test points keep clear of them.</summary>
    private static readonly float[] Kinks = [0f, -1f, 1f, -3f, 3f, 6f];

    public static TheoryData<string> All() => new(ActivationCase.Names);

    [Fact]
    public void The_Keras_set_is_there()
    {
        string[] keras =
        [
            "linear", "relu", "relu6", "leaky_relu", "elu", "selu", "celu", "gelu", "approximate_gelu", "sigmoid",
            "hard_sigmoid", "silu", "hard_silu", "mish", "tanh", "hard_tanh", "softplus", "softsign",
            "exponential", "log_sigmoid", "softmax", "log_softmax",
        ];
        Assert.Equal(keras.OrderBy(n => n, StringComparer.Ordinal), ActivationCase.Names);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Backward_from_what_it_declares_matches_finite_differences(string name)
    {
        ActivationCase activation = ActivationCase.For(name);
        const int rows = 3, cols = 7;
        float[] x = AwayFromKinks(Random(rows * cols, 11, 2.5f)), r = Random(rows * cols, 12), y = new float[rows * cols];
        double Loss()
        {
            activation.Forward(x, y, cols);
            return Dot(r, y);
        }

        Loss();
        float[] dx = new float[x.Length];
        ReadOnlySpan<float> input = activation.Derivative == ActivationDerivative.FromInput ? x : default;
        ReadOnlySpan<float> output = activation.Derivative == ActivationDerivative.FromOutput ? y : default;
        activation.Backward(input, output, r, dx, cols);
        AssertGradient(x, dx, Loss, name, epsilon: 1e-3f, tolerance: 2e-3);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Backward_may_write_over_its_gradient(string name)
    {
        ActivationCase activation = ActivationCase.For(name);
        float[] x = AwayFromKinks(Random(12, 3, 2f)), y = new float[12], dy = Random(12, 4), separate = new float[12];
        activation.Forward(x, y, 4);
        activation.Backward(x, y, dy, separate, 4);
        activation.Backward(x, y, dy, dy, 4);
        Assert.Equal(separate, dy);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Forward_may_write_over_its_input(string name)
    {
        ActivationCase activation = ActivationCase.For(name);
        float[] x = Random(12, 5, 2f), separate = new float[12];
        activation.Forward(x, separate, 4);
        activation.Forward(x, x, 4);
        Assert.Equal(separate, x);
    }

    [Fact]
    public void Softmax_of_large_logits_is_finite_and_matches_Keras()
    {
        // Keras: softmax([1000, 1001, 1002]) = (0.090, 0.245, 0.665); exp(1000) alone overflows.
        float[] y = new float[3];
        StaticKeras.Activations.Softmax.Forward([1000f, 1001f, 1002f], y, 3);
        Assert.Equal(0.0900306f, y[0], 5);
        Assert.Equal(0.2447285f, y[1], 5);
        Assert.Equal(0.6652410f, y[2], 5);
        StaticKeras.Activations.LogSoftmax.Forward([1000f, 1001f, 1002f], y, 3);
        Assert.Equal(-2.4076059f, y[0], 4);
        Assert.Equal(-0.4076059f, y[2], 4);
        SoftmaxKernel.Forward([-1e30f, 0f, 1e30f, 3f, 3f, 3f], y = new float[6], 2, 3, 1);
        Assert.All(y, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Softmax_along_an_inner_axis_normalises_each_slice()
    {
        // (outer 1, axis 3, inner 2): each of the two columns sums to 1.
        float[] x = [1, 10, 2, 20, 3, 30], y = new float[6];
        SoftmaxKernel.Forward(x, y, 1, 3, 2);
        Assert.Equal(1f, y[0] + y[2] + y[4], 5);
        Assert.Equal(1f, y[1] + y[3] + y[5], 5);
        float[] r = Random(6, 1), dx = new float[6];
        SoftmaxKernel.Backward(y, r, dx, 1, 3, 2);
        AssertGradient(x, dx, () => { SoftmaxKernel.Forward(x, y, 1, 3, 2); return Dot(r, y); }, "softmax axis 1", epsilon: 1e-3f, tolerance: 2e-3);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Elementwise_modules_fuse_into_the_gemm_epilogue(string name)
    {
        ActivationCase activation = ActivationCase.For(name);
        if (!activation.Elementwise)
        {
            Assert.Throws<ArgumentException>(() => activation.Gemm(new float[4], new float[4], new float[4], 2, 2, 2, [], GemmRunner.Kernel, 1));
            return;
        }

        const int m = 20, n = 40, k = 30;
        float[] a = Random(m * k, 1), b = Random(k * n, 2), bias = Random(n, 3), fused = new float[m * n], separate = new float[m * n];
        activation.Gemm(a, b, fused, m, n, k, bias, GemmRunner.Kernel, 1);
        Kernels.Gemm.Multiply(a, false, b, false, separate, m, n, k, false, bias, GemmActivation.None, GemmRunner.Kernel, 1);
        activation.Forward(separate, separate, n);
        for (int i = 0; i < fused.Length; i++)
        {
            Assert.True(Math.Abs(fused[i] - separate[i]) <= 1e-5 * (1 + Math.Abs(separate[i])), $"{name}: element {i} is {fused[i]} fused, {separate[i]} applied after");
        }
    }

    private static float[] AwayFromKinks(float[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            foreach (float kink in Kinks)
            {
                if (Math.Abs(values[i] - kink) < 0.05f)
                {
                    values[i] = kink + 0.1f;
                }
            }
        }

        return values;
    }
}
