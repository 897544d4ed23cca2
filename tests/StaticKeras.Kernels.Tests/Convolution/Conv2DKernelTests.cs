using StaticKeras.Kernels.Tests.Gemm;
using static StaticKeras.Testing.FiniteDifferences;

namespace StaticKeras.Kernels.Tests.Convolution;

/// <summary>Conv2D/Conv1D forward and backward against the definition in double precision, and the backward pass against finite differences.</summary>
public sealed class Conv2DKernelTests
{
    public static TheoryData<string> Names() => ConvCases.Names();

    public static TheoryData<string> SmallNames() => ConvCases.SmallNames();

    [Theory]
    [MemberData(nameof(Names))]
    public void Forward_matches_the_definition_with_both_algorithms_and_every_kernel(string name)
    {
        (ConvGeometry g, int batch) = ConvCases.All[name];
        float[] x = Random(batch * g.InputSize, 1), kernel = Random(g.KernelSize, 2), bias = Random(g.Filters, 3);
        float[] expected = ConvReference.Forward(g, batch, x, kernel, bias, relu: true);
        foreach (GemmKernelKind kind in new[] { GemmRunner.Kernel, GemmKernelKind.Vector256, GemmKernelKind.Scalar })
        {
            foreach (ConvAlgorithm algorithm in Enum.GetValues<ConvAlgorithm>())
            {
                var y = new float[batch * g.OutputSize];
                Conv2DKernel.Forward(g, batch, x, kernel, bias, y, relu: true, accumulate: false, new float[Conv2DKernel.ScratchSize(g)], new ConvSettings(kind, 2, algorithm));
                GemmReference.AssertClose(expected, y, g.PatchLength, $"{name} {kind} {algorithm}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_matches_the_definition(string name)
    {
        (ConvGeometry g, int batch) = ConvCases.All[name];
        float[] x = Random(batch * g.InputSize, 4), kernel = Random(g.KernelSize, 5), dz = Random(batch * g.OutputSize, 6);
        (float[] dxExpected, float[] dkExpected, float[] dbExpected) = ConvReference.Backward(g, batch, x, kernel, dz);
        var dx = new float[x.Length];
        var dk = new float[kernel.Length];
        var db = new float[g.Filters];
        Conv2DKernel.Backward(g, batch, x, kernel, [], (float[])dz.Clone(), dk, db, dx, accumulateDx: false, relu: false, new float[Conv2DKernel.ScratchSize(g)]);
        GemmReference.AssertClose(dxExpected, dx, g.Taps * g.GroupFilters, $"{name} dx");
        GemmReference.AssertClose(dkExpected, dk, batch * g.OutputPixels, $"{name} dKernel");
        GemmReference.AssertClose(dbExpected, db, batch * g.OutputPixels, $"{name} dBias");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Input_gradient_matches_the_definition_with_every_algorithm(string name)
    {
        (ConvGeometry g, int batch) = ConvCases.All[name];
        float[] kernel = Random(g.KernelSize, 17), dz = Random(batch * g.OutputSize, 18);
        float[] expected = ConvReference.Backward(g, batch, new float[batch * g.InputSize], kernel, dz).Dx;
        foreach (ConvAlgorithm algorithm in Enum.GetValues<ConvAlgorithm>())
        {
            var dx = new float[batch * g.InputSize];
            Conv2DKernel.BackwardInput(g, batch, dz, kernel, dx, accumulate: false, new float[Conv2DKernel.ScratchSize(g)], new ConvSettings(GemmRunner.Kernel, 2, algorithm));
            GemmReference.AssertClose(expected, dx, g.Taps * g.GroupFilters, $"{name} {algorithm}");
        }
    }

    [Theory]
    [MemberData(nameof(SmallNames))]
    public void Backward_matches_finite_differences(string name)
    {
        (ConvGeometry g, int batch) = ConvCases.All[name];
        float[] x = Random(batch * g.InputSize, 7), kernel = Random(g.KernelSize, 8), bias = Random(g.Filters, 9), r = Random(batch * g.OutputSize, 10);
        var y = new float[batch * g.OutputSize];
        var scratch = new float[Conv2DKernel.ScratchSize(g)];
        double Loss()
        {
            Conv2DKernel.Forward(g, batch, x, kernel, bias, y, relu: false, scratch);
            return Dot(r, y);
        }

        Loss();
        var dx = new float[x.Length];
        var dk = new float[kernel.Length];
        var db = new float[bias.Length];
        Conv2DKernel.Backward(g, batch, x, kernel, y, (float[])r.Clone(), dk, db, dx, accumulateDx: false, relu: false, scratch);
        AssertGradient(x, dx, Loss, $"{name} dx");
        AssertGradient(kernel, dk, Loss, $"{name} dKernel");
        AssertGradient(bias, db, Loss, $"{name} dBias");
    }

    [Theory]
    [InlineData("3x3 same stride 2, odd total padding")]
    [InlineData("1x1 pointwise")]
    public void Fused_relu_backward_masks_dy_by_the_output(string name)
    {
        (ConvGeometry g, int batch) = ConvCases.All[name];
        float[] x = Random(batch * g.InputSize, 13), kernel = Random(g.KernelSize, 14), bias = Random(g.Filters, 15), dy = Random(batch * g.OutputSize, 16);
        var scratch = new float[Conv2DKernel.ScratchSize(g)];
        var y = new float[batch * g.OutputSize];
        Conv2DKernel.Forward(g, batch, x, kernel, bias, y, relu: true, scratch);
        Assert.Contains(y, v => v == 0f);
        float[] masked = dy.Select((d, i) => y[i] > 0 ? d : 0f).ToArray();
        (float[] Dx, float[] Dk, float[] Db) Run(float[] gradient, bool relu)
        {
            var result = (new float[x.Length], new float[kernel.Length], new float[g.Filters]);
            Conv2DKernel.Backward(g, batch, x, kernel, y, gradient, result.Item2, result.Item3, result.Item1, false, relu, scratch);
            return result;
        }

        var fused = Run((float[])dy.Clone(), relu: true);
        var separate = Run(masked, relu: false);
        Assert.Equal(separate.Dx, fused.Dx);
        Assert.Equal(separate.Dk, fused.Dk);
        Assert.Equal(separate.Db, fused.Db);
    }

    [Theory]
    [InlineData("3x3 same stride 2, odd total padding")]
    [InlineData("1x1 pointwise")]
    public void Input_gradient_accumulates_when_asked(string name)
    {
        (ConvGeometry g, int batch) = ConvCases.All[name];
        float[] kernel = Random(g.KernelSize, 11), dz = Random(batch * g.OutputSize, 12);
        var scratch = new float[Conv2DKernel.ScratchSize(g)];
        var written = new float[batch * g.InputSize];
        float[] accumulated = Enumerable.Repeat(1f, written.Length).ToArray();
        Conv2DKernel.BackwardInput(g, batch, dz, kernel, written, accumulate: false, scratch);
        Conv2DKernel.BackwardInput(g, batch, dz, kernel, accumulated, accumulate: true, scratch);
        for (int i = 0; i < written.Length; i++)
        {
            Assert.Equal(written[i] + 1f, accumulated[i], 1e-5f);
        }
    }

    [Theory]
    [InlineData("CNN conv2 13x13x32 to 64")]
    [InlineData("Winograd: explicit padding (2, 0, 0, 1)")]
    [InlineData("3x3 valid")]
    public void A_prepared_kernel_gives_the_same_bits(string name)
    {
        (ConvGeometry g, int batch) = ConvCases.All[name];
        float[] x = Random(batch * g.InputSize, 19), kernel = Random(g.KernelSize, 20), bias = Random(g.Filters, 21);
        var scratch = new float[Conv2DKernel.ScratchSize(g)];
        float[] direct = new float[batch * g.OutputSize], prepared = new float[direct.Length], form = new float[Conv2DKernel.PreparedKernelSize(g)];
        Conv2DKernel.Forward(g, batch, x, kernel, bias, direct, relu: true, scratch);
        Conv2DKernel.PrepareKernel(g, kernel, form);
        Conv2DKernel.ForwardPrepared(g, batch, x, kernel, form, bias, prepared, relu: true, scratch);
        Assert.Equal(direct, prepared);
        Assert.Equal(g.Taps == 9 && g.Channels >= 16, form.Length > 0); // only Winograd geometries transform their kernel
    }

    [Fact]
    public void Rejects_short_buffers_and_bad_geometry_naming_them()
    {
        var g = new ConvGeometry(5, 5, 2, 3, 3, 3);
        var e = Assert.Throws<ArgumentException>(() => Conv2DKernel.Forward(g, 2, new float[49], new float[g.KernelSize], [], new float[2 * g.OutputSize], false, []));
        Assert.Contains("x holds 49 values but the operation needs 100", e.Message);
        e = Assert.Throws<ArgumentException>(() => new ConvGeometry(4, 4, 3, 4, 3, 3, groups: 2));
        Assert.Contains("groups is 2", e.Message);
        e = Assert.Throws<ArgumentException>(() => new ConvGeometry(2, 5, 1, 1, 3, 3));
        Assert.Contains("output would be 0×3", e.Message);
    }
}
