using System.Runtime.CompilerServices;

namespace StaticKeras.Kernels;

/// <summary>
/// The kernel side of Winograd's F(2×2, 3×3): <c>U = G g Gᵀ</c> for every (input channel, filter)
/// pair, with <c>G = [[1, 0, 0], [½, ½, ½], [½, −½, ½], [0, 0, 1]]</c> (Lavin and Gray, "Fast
/// Algorithms for Convolutional Neural Networks", 2015). U is stored as 16 matrices
/// <c>U[ξ] (channels × filters)</c>, the B operands of the 16 products.
/// </summary>
internal static unsafe class WinogradKernelTransform
{
    /// <summary>Transforms a Keras kernel <c>(3, 3, channels, filters)</c> into <c>U (16, channels, filters)</c>, vectorised across filters.</summary>
    public static void Run(float* kernel, int channels, int filters, float* u)
    {
        var step = new Step { Channels = channels, Filters = filters };
        for (int c = 0; c < channels; c++)
        {
            step.Kernel = kernel + ((nint)c * filters);
            step.Target = u + ((nint)c * filters);
            ChannelLoop.Run(ref step, filters);
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
        public int Channels;
        public int Filters;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Vector<TOps, TMask, TVector>(int j)
            where TOps : struct, IVectorOps<TVector>
            where TMask : struct, IMaskOps<TVector>
            where TVector : struct
        {
            nint xi = (nint)Channels * Filters;
            TVector half = TOps.Broadcast(0.5f);

            // G g: the kernel's three rows become four, each a row of three taps.
            TVector r00 = Load<TOps, TVector>(0, j), r01 = Load<TOps, TVector>(1, j), r02 = Load<TOps, TVector>(2, j);
            TVector r30 = Load<TOps, TVector>(6, j), r31 = Load<TOps, TVector>(7, j), r32 = Load<TOps, TVector>(8, j);
            TVector m0 = Load<TOps, TVector>(3, j), m1 = Load<TOps, TVector>(4, j), m2 = Load<TOps, TVector>(5, j);
            TVector s0 = TOps.Multiply(TOps.Add(r00, r30), half), s1 = TOps.Multiply(TOps.Add(r01, r31), half), s2 = TOps.Multiply(TOps.Add(r02, r32), half);
            TVector h0 = TOps.Multiply(m0, half), h1 = TOps.Multiply(m1, half), h2 = TOps.Multiply(m2, half);
            Row<TOps, TVector>(0, r00, r01, r02, j, xi, half);
            Row<TOps, TVector>(1, TOps.Add(s0, h0), TOps.Add(s1, h1), TOps.Add(s2, h2), j, xi, half);
            Row<TOps, TVector>(2, TOps.Subtract(s0, h0), TOps.Subtract(s1, h1), TOps.Subtract(s2, h2), j, xi, half);
            Row<TOps, TVector>(3, r30, r31, r32, j, xi, half);
        }

        public readonly void Scalar(int j)
        {
            float* g = stackalloc float[9];
            for (int t = 0; t < 9; t++)
            {
                g[t] = Kernel[((nint)t * Channels * Filters) + j];
            }

            // G g, then (G g) Gᵀ, one row at a time.
            for (int r = 0; r < 4; r++)
            {
                float a0 = Rows(g, r, 0), a1 = Rows(g, r, 1), a2 = Rows(g, r, 2);
                float* to = Target + ((nint)r * 4 * Channels * Filters) + j;
                nint xi = (nint)Channels * Filters;
                to[0] = a0;
                to[xi] = ((a0 + a2) * 0.5f) + (a1 * 0.5f);
                to[2 * xi] = ((a0 + a2) * 0.5f) - (a1 * 0.5f);
                to[3 * xi] = a2;
            }
        }

        /// <summary>Row <paramref name="r"/> of <c>G g</c> at column <paramref name="k"/>, as the vector path computes it.</summary>
        private static float Rows(float* g, int r, int k) => r switch
        {
            0 => g[k],
            1 => ((g[k] + g[6 + k]) * 0.5f) + (g[3 + k] * 0.5f),
            2 => ((g[k] + g[6 + k]) * 0.5f) - (g[3 + k] * 0.5f),
            _ => g[6 + k],
        };

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private readonly TVector Load<TOps, TVector>(int tap, int j)
            where TOps : struct, IVectorOps<TVector>
            where TVector : struct => TOps.Load(Kernel + ((nint)tap * Channels * Filters) + j);

        /// <summary>Row <paramref name="r"/> of <c>(G g) Gᵀ</c> from row r of <c>G g</c>: four of the 16 transformed values.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private readonly void Row<TOps, TVector>(int r, TVector a0, TVector a1, TVector a2, int j, nint xi, TVector half)
            where TOps : struct, IVectorOps<TVector>
            where TVector : struct
        {
            float* to = Target + ((nint)r * 4 * xi) + j;
            TVector s = TOps.Multiply(TOps.Add(a0, a2), half), h = TOps.Multiply(a1, half);
            TOps.Store(a0, to);
            TOps.Store(TOps.Add(s, h), to + xi);
            TOps.Store(TOps.Subtract(s, h), to + (2 * xi));
            TOps.Store(a2, to + (3 * xi));
        }
    }
}
