using static StaticKeras.Testing.FiniteDifferences;

namespace StaticKeras.Kernels.Tests;

/// <summary>
/// Every op's backward pass against finite differences of its forward pass. A random projection
/// <c>L = Σ r·y</c> makes each check cover the whole Jacobian-vector product.
/// </summary>
public sealed class GradientCheckTests
{
    [Theory]
    [InlineData(Activation.Linear)]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Softmax)]
    public void Dense_backward_matches_finite_differences(Activation activation)
    {
        const int rows = 3, inputs = 5, units = 4;
        float[] x = Random(rows * inputs, 1), kernel = Random(inputs * units, 2), bias = Random(units, 3), r = Random(rows * units, 4);
        var y = new float[rows * units];
        double Loss()
        {
            DenseKernel.Forward(x, kernel, bias, y, rows, inputs, units, activation);
            return Dot(r, y);
        }

        Loss();
        float[] dy = (float[])r.Clone();
        var dKernel = new float[inputs * units];
        var dBias = new float[units];
        var dx = new float[rows * inputs];
        DenseKernel.Backward(x, kernel, y, dy, dKernel, dBias, dx, accumulateDx: false, rows, inputs, units, activation);
        AssertGradient(x, dx, Loss, "dx");
        AssertGradient(kernel, dKernel, Loss, "dKernel");
        AssertGradient(bias, dBias, Loss, "dBias");
    }

    [Fact]
    public void Dense_backward_accumulates_into_dx_when_asked()
    {
        const int rows = 2, inputs = 3, units = 2;
        float[] x = Random(rows * inputs, 1), kernel = Random(inputs * units, 2), y = new float[rows * units];
        DenseKernel.Forward(x, kernel, default, y, rows, inputs, units, Activation.Linear);
        float[] written = new float[rows * inputs], accumulated = Enumerable.Repeat(1f, rows * inputs).ToArray();
        DenseKernel.Backward(x, kernel, y, Random(rows * units, 5), new float[inputs * units], default, written, false, rows, inputs, units, Activation.Linear);
        DenseKernel.Backward(x, kernel, y, Random(rows * units, 5), new float[inputs * units], default, accumulated, true, rows, inputs, units, Activation.Linear);
        for (int i = 0; i < written.Length; i++)
        {
            Assert.Equal(written[i] + 1f, accumulated[i], 5);
        }
    }

    [Theory]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Softmax)]
    public void Activation_backward_matches_finite_differences(Activation activation)
    {
        const int rows = 3, cols = 6;
        float[] z = Random(rows * cols, 7, 2f), r = Random(rows * cols, 8), y = new float[rows * cols];
        double Loss()
        {
            z.CopyTo(y, 0);
            ActivationKernel.Forward(activation, y, rows, cols);
            return Dot(r, y);
        }

        Loss();
        float[] gradient = (float[])r.Clone();
        ActivationKernel.Backward(activation, y, gradient, rows, cols);
        AssertGradient(z, gradient, Loss, activation.ToString());
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
