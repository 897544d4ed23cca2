using StaticKeras.Kernels.Tests.Gemm;
using StaticKeras.Testing;

namespace StaticKeras.Kernels.Tests.Optimizers;

/// <summary>
/// Every optimizer's update against Keras's formula in double precision, and the vectorised
/// update against itself split differently: vector lanes, scalar tail and threads give the same bits.
/// </summary>
[Collection(AllocationCollection.Name)]
public sealed class OptimizerUpdateTests
{
    // 37 values: whole vectors of every width plus a tail.
    private const int Length = 37;

    private static float[] Gradient(int step, int length = Length) => FiniteDifferences.Random(length, 100 + step, 2f);

    /// <summary>Builds <paramref name="optimizer"/> on weights of the given sizes, laid out one after another.</summary>
    internal static void Build(Optimizer optimizer, params int[] sizes)
    {
        var weights = new List<WeightDefinition>();
        int offset = 0;
        for (int k = 0; k < sizes.Length; k++)
        {
            weights.Add(new WeightDefinition($"layer{k}", "kernel", [sizes[k]], offset, "zeros", 1, 1));
            offset += sizes[k];
        }

        optimizer.Build(offset, weights);
    }

    [Theory]
    [MemberData(nameof(OptimizerReference.Names), MemberType = typeof(OptimizerReference))]
    public void Three_steps_follow_the_keras_formula(string name)
    {
        Optimizer optimizer = OptimizerReference.Create(name);
        Build(optimizer, Length);
        float[] w = FiniteDifferences.Random(Length, 7);
        double[] expected = OptimizerReference.Run(name, w, s => Gradient(s), steps: 3);
        for (int step = 0; step < 3; step++)
        {
            optimizer.Apply(w, Gradient(step));
        }

        for (int i = 0; i < Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - w[i]) <= 2e-6 * Math.Max(1, Math.Abs(expected[i])), $"{name}[{i}]: {w[i]} vs Keras {expected[i]}");
        }

        Assert.Equal(3, optimizer.Iterations);
    }

    [Theory]
    [MemberData(nameof(OptimizerReference.Names), MemberType = typeof(OptimizerReference))]
    public void Vector_and_scalar_paths_give_the_same_bits(string name)
    {
        // One weight of 37 values runs the vector loop; 37 weights of one value run only the scalar tail.
        Optimizer whole = OptimizerReference.Create(name), single = OptimizerReference.Create(name);
        Build(whole, Length);
        Build(single, Enumerable.Repeat(1, Length).ToArray());
        float[] a = FiniteDifferences.Random(Length, 7), b = (float[])a.Clone();
        for (int step = 0; step < 4; step++)
        {
            whole.Apply(a, Gradient(step));
            single.Apply(b, Gradient(step));
        }

        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("nadam")]
    [InlineData("ftrl")]
    public void Threaded_updates_of_large_weights_give_the_same_bits(string name)
    {
        const int large = 70_001;
        int saved = KernelOptions.Threads;
        try
        {
            float[] serial = RunLarge(name, large, threads: 1), parallel = RunLarge(name, large, threads: 2);
            Assert.Equal(serial, parallel);
        }
        finally
        {
            KernelOptions.Threads = saved;
        }
    }

    private static float[] RunLarge(string name, int length, int threads)
    {
        KernelOptions.Threads = threads;
        Optimizer optimizer = OptimizerReference.Create(name);
        Build(optimizer, length);
        float[] w = FiniteDifferences.Random(length, 3);
        for (int step = 0; step < 2; step++)
        {
            optimizer.Apply(w, Gradient(step, length));
        }

        return w;
    }

    [Fact]
    public void Keras_argument_checks_name_the_argument()
    {
        Assert.Contains("beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new Lion(beta1: 0)).Message);
        Assert.Contains("learningRatePower", Assert.Throws<ArgumentOutOfRangeException>(() => new Ftrl(learningRatePower: 0.5f)).Message);
        Assert.Contains("GradientAccumulationSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam { GradientAccumulationSteps = 1 }).Message);
        Assert.Contains("EmaMomentum", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam { UseEma = true, EmaMomentum = 1.5f }).Message);
    }
}
