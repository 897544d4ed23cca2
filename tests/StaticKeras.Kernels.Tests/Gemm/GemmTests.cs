using StaticKeras.Kernels;

namespace StaticKeras.Kernels.Tests.Gemm;

/// <summary>The GEMM against its double-precision definition, on every kernel this machine can run.</summary>
public class GemmTests
{
    private static readonly int[] Sizes = [1, 3, 17, 33, 257];

    public static TheoryData<string, bool, bool> Forms()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (GemmKernelKind kernel in Enum.GetValues<GemmKernelKind>())
        {
            foreach (bool ta in new[] { false, true })
            {
                foreach (bool tb in new[] { false, true })
                {
                    data.Add(kernel.ToString(), ta, tb);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Matches_the_definition_for_odd_sizes_with_and_without_accumulate(string kernelName, bool transposeA, bool transposeB)
    {
        var kernel = Enum.Parse<GemmKernelKind>(kernelName);
        int seed = 0;
        foreach (int m in Sizes)
        {
            foreach (int n in Sizes)
            {
                foreach (int k in Sizes)
                {
                    if ((long)m * n * k > 300_000 && kernel == GemmKernelKind.Scalar)
                    {
                        continue;
                    }

                    foreach (bool accumulate in new[] { false, true })
                    {
                        Check(kernel, transposeA, transposeB, m, n, k, accumulate, ++seed, threads: 1);
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("Vector512", 300, 520, 600)] // more than one depth block and column block
    [InlineData("Vector256", 70, 530, 600)]
    [InlineData("Vector128", 70, 530, 600)]
    [InlineData("Vector512", 128, 10, 128)]  // the MLP's output layer: one narrow edge panel
    [InlineData("Vector512", 4, 8, 4)]       // the tiny model
    public void Matches_the_definition_across_blocks_and_threads(string kernelName, int m, int n, int k)
    {
        var kernel = Enum.Parse<GemmKernelKind>(kernelName);
        foreach (bool ta in new[] { false, true })
        {
            foreach (bool tb in new[] { false, true })
            {
                Check(kernel, ta, tb, m, n, k, accumulate: ta, seed: m + n + k, threads: 2);
            }
        }
    }

    [Fact]
    public void Zero_depth_gives_zero_or_keeps_C()
    {
        float[] c = [1, 2, 3, 4];
        Kernels.Gemm.Multiply([], false, [], false, c, 2, 2, 0, accumulate: true);
        Assert.Equal([1f, 2, 3, 4], c);
        Kernels.Gemm.Multiply([], false, [], false, c, 2, 2, 0, accumulate: false);
        Assert.Equal([0f, 0, 0, 0], c);
    }

    [Fact]
    public void Rejects_short_buffers_and_softmax()
    {
        Assert.Throws<ArgumentException>(() => Kernels.Gemm.Multiply(new float[5], false, new float[6], false, new float[4], 2, 2, 3, false));
        var error = Assert.Throws<ArgumentException>(() => Kernels.Gemm.Multiply<StaticKeras.Activations.Softmax>(new float[6], false, new float[6], false, new float[4], 2, 2, 3, false, new float[2]));
        Assert.Contains("not elementwise", error.Message);
    }

    private static void Check(GemmKernelKind kernel, bool transposeA, bool transposeB, int m, int n, int k, bool accumulate, int seed, int threads)
    {
        float[] a = GemmReference.Random(m * k, seed);
        float[] b = GemmReference.Random(k * n, seed + 1000);
        float[] c = GemmReference.Random(m * n, seed + 2000);
        float[] expected = GemmReference.Multiply(a, transposeA, b, transposeB, c, m, n, k, accumulate);
        Kernels.Gemm.Multiply(a, transposeA, b, transposeB, c, m, n, k, accumulate, ReadOnlySpan<float>.Empty, GemmActivation.None, kernel, threads);
        GemmReference.AssertClose(expected, c, k, $"{kernel} {(transposeA ? "T" : "N")}{(transposeB ? "T" : "N")} m={m} n={n} k={k} accumulate={accumulate} threads={threads}");
    }
}
