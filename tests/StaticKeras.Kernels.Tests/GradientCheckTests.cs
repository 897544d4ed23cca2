using static StaticKeras.Testing.FiniteDifferences;

namespace StaticKeras.Kernels.Tests;

/// <summary>
/// Every op's backward pass against finite differences of its forward pass. A random projection
/// <c>L = Σ r·y</c> makes each check cover the whole Jacobian-vector product.
/// </summary>
public sealed class GradientCheckTests
{
    [Theory]
    [InlineData("linear")]
    [InlineData("relu")]
    [InlineData("sigmoid")]
    [InlineData("tanh")]
    [InlineData("softmax")]
    [InlineData("gelu")]
    [InlineData("silu")]
    public void Dense_backward_matches_finite_differences(string name)
    {
        const int rows = 3, inputs = 5, units = 4;
        var activation = Activations.ActivationCase.For(name);
        float[] x = Random(rows * inputs, 1), kernel = Random(inputs * units, 2), bias = Random(units, 3), r = Random(rows * units, 4);
        var y = new float[rows * units];

        // Activations whose derivative needs the input keep the pre-activation, as the planned pass does.
        float[] pre = activation.Derivative == ActivationDerivative.FromInput ? new float[rows * units] : [];
        double Loss()
        {
            activation.DenseForward(x, kernel, bias, y, rows, inputs, units, pre);
            return Dot(r, y);
        }

        Loss();
        float[] dy = (float[])r.Clone();
        var dKernel = new float[inputs * units];
        var dBias = new float[units];
        var dx = new float[rows * inputs];
        activation.DenseBackward(x, kernel, pre, y, dy, dKernel, dBias, dx, rows, inputs, units);
        AssertGradient(x, dx, Loss, "dx");
        AssertGradient(kernel, dKernel, Loss, "dKernel");
        AssertGradient(bias, dBias, Loss, "dBias");
    }

    [Fact]
    public void Dense_backward_accumulates_into_dx_when_asked()
    {
        const int rows = 2, inputs = 3, units = 2;
        float[] x = Random(rows * inputs, 1), kernel = Random(inputs * units, 2), y = new float[rows * units];
        DenseKernel.Forward<StaticKeras.Activations.Linear>(x, kernel, default, y, rows, inputs, units);
        float[] written = new float[rows * inputs], accumulated = Enumerable.Repeat(1f, rows * inputs).ToArray();
        DenseKernel.Backward<StaticKeras.Activations.Linear>(x, kernel, default, y, Random(rows * units, 5), new float[inputs * units], default, written, false, rows, inputs, units);
        DenseKernel.Backward<StaticKeras.Activations.Linear>(x, kernel, default, y, Random(rows * units, 5), new float[inputs * units], default, accumulated, true, rows, inputs, units);
        for (int i = 0; i < written.Length; i++)
        {
            Assert.Equal(written[i] + 1f, accumulated[i], 5);
        }
    }

    [Fact]
    public void Add_and_multiply_backward_match_finite_differences()
    {
        const int n = 9;
        float[] a = Random(n, 1), b = Random(n, 2), r = Random(n, 3), y = new float[n];
        double Sum()
        {
            ElementwiseKernel.Add(a, b, y);
            return Dot(r, y);
        }

        double Product()
        {
            ElementwiseKernel.Multiply(a, b, y);
            return Dot(r, y);
        }

        var da = new float[n];
        ElementwiseKernel.Route(r, da, accumulate: false);
        AssertGradient(a, da, Sum, "add da");
        ElementwiseKernel.MultiplyBackward(r, b, da, accumulate: false);
        AssertGradient(a, da, Product, "multiply da");
        var db = Enumerable.Repeat(0.5f, n).ToArray();
        ElementwiseKernel.MultiplyBackward(r, a, db, accumulate: true);
        for (int i = 0; i < n; i++)
        {
            db[i] -= 0.5f;
        }

        AssertGradient(b, db, Product, "multiply db (accumulated)");
    }

    [Fact]
    public void Concatenate_backward_matches_finite_differences()
    {
        // Two inputs (2, 3) and (2, 2) per sample, joined on the last axis into (2, 5), batch 2.
        const int outer = 4, innerA = 3, innerB = 2, innerOut = 5;
        float[] a = Random(outer * innerA, 1), b = Random(outer * innerB, 2), r = Random(outer * innerOut, 3), y = new float[outer * innerOut];
        double Loss()
        {
            ConcatenateKernel.Forward(a, y, outer, innerA, innerOut, 0);
            ConcatenateKernel.Forward(b, y, outer, innerB, innerOut, innerA);
            return Dot(r, y);
        }

        var da = new float[a.Length];
        var db = new float[b.Length];
        ConcatenateKernel.Backward(r, da, outer, innerA, innerOut, 0, accumulate: false);
        ConcatenateKernel.Backward(r, db, outer, innerB, innerOut, innerA, accumulate: false);
        AssertGradient(a, da, Loss, "da");
        AssertGradient(b, db, Loss, "db");
    }

    [Fact]
    public void Dropout_backward_matches_finite_differences_for_a_fixed_mask()
    {
        const int n = 64;
        float[] x = Random(n, 1), r = Random(n, 2), y = new float[n], mask = new float[n];
        DropoutKernel.ForwardTraining(x, y, mask, 0.5, new SeededRandom(9));
        Assert.Contains(0f, mask);
        Assert.Contains(2f, mask);
        double Loss()
        {
            ElementwiseKernel.Multiply(x, mask, y);
            return Dot(r, y);
        }

        var dx = new float[n];
        DropoutKernel.Backward(r, mask, dx, accumulate: false);
        AssertGradient(x, dx, Loss, "dx");
    }
}
