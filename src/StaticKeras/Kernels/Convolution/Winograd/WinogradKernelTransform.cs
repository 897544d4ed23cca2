using System;
using System.Runtime.CompilerServices;

namespace StaticKeras.Kernels;

/// <summary>
/// The kernel side of Winograd's F(m×m, 3×3): <c>U = G g Gᵀ</c> for every (input channel, filter)
/// pair, stored as α² matrices <c>U[ξ] (channels × filters)</c>, the B operands of the products,
/// <see cref="WinogradLayout.KernelStride"/> floats apart. Each of the α² values of a pair is
/// <c>Σ_{kh, kw} G[r, kh] · G[s, kw] · g[kh, kw]</c>: the nonzero products of two entries of G,
/// rounded to float once, form a table, and nine loaded taps give all α² values a vector of
/// filters at a time.
/// </summary>
internal sealed unsafe class WinogradKernelTransform
{
    private readonly int points;
    private readonly int[] starts;
    private readonly int[] taps;
    private readonly float[] coefficients;

    /// <summary>The transform of the α × 3 matrix <paramref name="g"/> (row-major).</summary>
    public WinogradKernelTransform(double[] g, int points)
    {
        this.points = points;
        starts = new int[(points * points) + 1];
        var tapList = new System.Collections.Generic.List<int>();
        var coefficientList = new System.Collections.Generic.List<float>();
        for (int xi = 0; xi < points * points; xi++)
        {
            starts[xi] = tapList.Count;
            for (int tap = 0; tap < 9; tap++)
            {
                double c = g[((xi / points) * 3) + (tap / 3)] * g[((xi % points) * 3) + (tap % 3)];
                if (c != 0)
                {
                    tapList.Add(tap);
                    coefficientList.Add((float)c);
                }
            }
        }

        starts[points * points] = tapList.Count;
        taps = [.. tapList];
        coefficients = [.. coefficientList];
    }

    /// <summary>Transforms a Keras kernel <c>(3, 3, channels, filters)</c> into <paramref name="u"/>.</summary>
    public void Run(float* kernel, int channels, int filters, float* u)
    {
        fixed (int* pStarts = starts, pTaps = taps)
        fixed (float* pCoefficients = coefficients)
        {
            var step = new Step
            {
                Starts = pStarts,
                Taps = pTaps,
                Coefficients = pCoefficients,
                Products = points * points,
                TapStride = (nint)channels * filters,
                ProductStride = WinogradLayout.KernelStride(channels, filters),
            };
            for (int c = 0; c < channels; c++)
            {
                step.Kernel = kernel + ((nint)c * filters);
                step.Target = u + ((nint)c * filters);
                ChannelLoop.Run(ref step, filters);
            }
        }
    }

    /// <summary>
    /// The kernel of the input gradient: <c>g'[kh, kw, f, c] = g[2 − kh, 2 − kw, c, f]</c> (flipped, input
    /// and output channels exchanged), written to <paramref name="flipped"/> (<c>9 · channels · filters</c> floats).
    /// </summary>
    public static void FlipAndTranspose(float* kernel, int channels, int filters, float* flipped)
    {
        for (int tap = 0; tap < 9; tap++)
        {
            float* from = kernel + ((nint)(8 - tap) * channels * filters);
            float* to = flipped + ((nint)tap * channels * filters);
            for (int c = 0; c < channels; c++)
            {
                for (int f = 0; f < filters; f++)
                {
                    to[((nint)f * channels) + c] = from[((nint)c * filters) + f];
                }
            }
        }
    }

    private struct Step : IChannelStep
    {
        public float* Kernel;
        public float* Target;
        public int* Starts;
        public int* Taps;
        public float* Coefficients;
        public int Products;
        public nint TapStride;
        public nint ProductStride;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Vector<TOps, TMask, TVector>(int j)
            where TOps : struct, IVectorOps<TVector>
            where TMask : struct, IMaskOps<TVector>
            where TVector : struct
        {
            float* g = Kernel + j;
            for (int xi = 0; xi < Products; xi++)
            {
                TVector sum = default;
                for (int e = Starts[xi]; e < Starts[xi + 1]; e++)
                {
                    sum = TOps.FusedMultiplyAdd(TOps.Broadcast(Coefficients[e]), TOps.Load(g + (Taps[e] * TapStride)), sum);
                }

                TOps.Store(sum, Target + (xi * ProductStride) + j);
            }
        }
    }
}

/// <summary>
/// Strides between the α² matrices of Winograd's products. Each is padded by a cache line: plain
/// multiples of the block sizes (8 KB for conv2's 32 × 64 kernel, 6 KB and 12 KB for a chunk's V
/// and M) put a tile's α² loads and stores in the same few L1 sets, where they evict each other.
/// </summary>
internal static class WinogradLayout
{
    /// <summary>Floats between the matrices <c>U[ξ]</c> of the transformed kernel.</summary>
    public static nint KernelStride(int channels, int filters) => ((nint)channels * filters) + 16;

    /// <summary>Floats between the matrices <c>V[ξ]</c> (or <c>M[ξ]</c>) of a chunk, rows of <paramref name="width"/> floats.</summary>
    public static nint ChunkStride(int width) => ((nint)WinogradProducts.ChunkTiles * width) + 16;
}
