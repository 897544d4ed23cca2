using StaticKeras.Kernels.Tests.KerasReference;

namespace StaticKeras.Kernels.Tests.Convolution;

/// <summary>The Keras reference cases of Conv2D (tests/data/keras_ref), within each case's tolerance.</summary>
public sealed class ConvKerasReferenceTests
{
    [Theory]
    [InlineData("conv2d_same_s1")]
    [InlineData("conv2d_valid_s1")]
    public void Conv2D_forward_matches_Keras(string id)
    {
        KerasCase c = KerasCase.Load(id);
        ConvGeometry g = Geometry(c);
        float[] y = Forward(c, g);
        c.AssertClose(c.Expected("y"), y, "y");
    }

    [Fact]
    public void Conv2D_gradient_matches_Keras()
    {
        KerasCase c = KerasCase.Load("grad_conv2d_same_s1_mse");
        ConvGeometry g = Geometry(c);
        float[] y = Forward(c, g);
        var dy = new float[y.Length];
        float loss = new MeanSquaredError().ComputeWithGradient(y, c.Input("y_true"), dy, y.Length / g.Filters, g.Filters, LossFusion.None, out _);
        var dx = new float[g.InputSize];
        var dk = new float[g.KernelSize];
        var db = new float[g.Filters];
        Conv2DKernel.Backward(g, 1, c.Input("x"), c.Weight("kernel"), y, dy, dk, db, dx, accumulateDx: false, relu: false, new float[Conv2DKernel.ScratchSize(g)]);
        c.AssertClose(c.Expected("y"), y, "y");
        c.AssertClose(c.Expected("loss"), [loss], "loss");
        c.AssertClose(c.Expected("d_loss/d_x"), dx, "d_loss/d_x");
        c.AssertClose(c.Expected("d_loss/d_kernel"), dk, "d_loss/d_kernel");
        c.AssertClose(c.Expected("d_loss/d_bias"), db, "d_loss/d_bias");
    }

    private static float[] Forward(KerasCase c, ConvGeometry g)
    {
        var y = new float[g.OutputSize];
        Conv2DKernel.Forward(g, 1, c.Input("x"), c.Weight("kernel"), c.Weight("bias"), y, relu: false, new float[Conv2DKernel.ScratchSize(g)]);
        return y;
    }

    /// <summary>The case's Conv2D on its one sample, 'same' or 'valid' padding turned into numbers as a layer would.</summary>
    private static ConvGeometry Geometry(KerasCase c)
    {
        int[] x = c.Shape("inputs", "x");
        int[] k = c.Config.GetProperty("kernel_size").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        int[] s = c.Config.GetProperty("strides").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        bool same = c.Config.GetProperty("padding").GetString() == "same";
        (int top, int bottom) = same ? ConvPadding.Same(x[1], k[0], s[0]) : (0, 0);
        (int left, int right) = same ? ConvPadding.Same(x[2], k[1], s[1]) : (0, 0);
        Assert.Equal(1, x[0]);
        return new ConvGeometry(x[1], x[2], x[3], c.Config.GetProperty("filters").GetInt32(), k[0], k[1], s[0], s[1], 1, 1, top, bottom, left, right);
    }
}
