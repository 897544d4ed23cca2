using System.Runtime.Intrinsics;
using StaticKeras.Kernels;

namespace StaticKeras.Kernels.Tests.Gemm;

/// <summary>
/// The double-precision multiply-add of the Vector128 kernel for code without FMA: wherever it
/// does not raise a doubt its result is the single-rounded FMA's, and it does raise one on the
/// cases where rounding twice goes wrong.
/// </summary>
public class Fma128Tests
{
    [Fact]
    public void Undoubted_lanes_equal_the_fused_multiply_add()
    {
        var random = new Random(7);
        int doubted = 0;
        for (int i = 0; i < 200_000; i++)
        {
            float x = Sample(random), y = Sample(random), z = Sample(random);
            if (Step(x, y, z, out float result))
            {
                doubted++;
                continue;
            }

            Assert.True(BitConverter.SingleToInt32Bits(MathF.FusedMultiplyAdd(x, y, z)) == BitConverter.SingleToInt32Bits(result), $"fma({x:R}, {y:R}, {z:R}) = {MathF.FusedMultiplyAdd(x, y, z):R}, stepped {result:R}");
        }

        // Tiny samples make subnormal results, which are doubted by design; the rest almost never are.
        Assert.True(doubted < 20_000, $"{doubted} doubts");
    }

    [Theory]
    [InlineData(0x3F800001, 0x337FFFFE, 0x3F800001)] // halfway after rounding to double; one rounding goes down
    [InlineData(0x00800000, 0x3F000000, 0x00000000)] // subnormal result
    [InlineData(0x00000001, 0x3F000000, 0x00000000)] // 2^-150: halfway between 0 and the smallest subnormal
    public void Doubts_the_cases_where_rounding_twice_can_differ(int xBits, int yBits, int zBits)
    {
        float x = BitConverter.Int32BitsToSingle(xBits), y = BitConverter.Int32BitsToSingle(yBits), z = BitConverter.Int32BitsToSingle(zBits);
        Assert.True(Step(x, y, z, out _));
    }

    [Fact]
    public void Rounding_twice_really_differs_on_the_halfway_case()
    {
        float x = BitConverter.Int32BitsToSingle(0x3F800001), y = BitConverter.Int32BitsToSingle(0x337FFFFE), z = x;
        Assert.NotEqual(MathF.FusedMultiplyAdd(x, y, z), (float)(((double)x * y) + z));
    }

    [Fact]
    public void Zeros_and_ordinary_values_raise_no_doubt()
    {
        Assert.False(Step(0f, 3f, 0f, out float zero));
        Assert.Equal(0f, zero);
        Assert.False(Step(-0f, 1f, -0f, out float negativeZero));
        Assert.True(float.IsNegative(negativeZero));
        Assert.False(Step(1.5f, 2f, 0.25f, out float sum));
        Assert.Equal(3.25f, sum);
    }

    /// <summary>One lane through <see cref="Fma128.Step"/>; true when it raised a doubt.</summary>
    private static bool Step(float x, float y, float z, out float result)
    {
        (Vector128<double> low, Vector128<double> high) = Vector128.Widen(Vector128.Create(y));
        Vector128<ulong> doubt = default;
        result = Fma128.Step(Vector128.Create((double)x), low, high, Vector128.Create(z), ref doubt).GetElement(0);
        return doubt != Vector128<ulong>.Zero;
    }

    /// <summary>Mostly values like a network's, some with few mantissa bits (exact sums, halfway cases), some tiny.</summary>
    private static float Sample(Random random) => random.Next(8) switch
    {
        0 => (float)Math.Round(random.NextDouble() * 64) / 16,
        1 => (float)(random.NextDouble() * 1e-37),
        _ => (float)(random.NextDouble() - 0.5) * 4,
    };
}
