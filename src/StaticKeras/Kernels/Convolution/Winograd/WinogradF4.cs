using System.Runtime.CompilerServices;

namespace StaticKeras.Kernels;

/// <summary>
/// F(4×4, 3×3): 36 products per 16 outputs (against 144 for the direct sum), with the matrices
/// of Lavin and Gray (2015) for the points 0, ±1, ±2 and ∞:
/// <c>Bᵀ = [[4, 0, −5, 0, 1, 0], [0, −4, −4, 1, 1, 0], [0, 4, −4, −1, 1, 0], [0, −2, −1, 2, 1, 0], [0, 2, −1, −2, 1, 0], [0, 4, 0, −5, 0, 1]]</c>,
/// <c>G = [[¼, 0, 0], [−⅙, −⅙, −⅙], [−⅙, ⅙, −⅙], [1/24, 1/12, ⅙], [1/24, −1/12, ⅙], [0, 0, 1]]</c>,
/// <c>Aᵀ = [[1, 1, 1, 1, 1, 0], [0, 1, −1, 2, −2, 0], [0, 1, 1, 4, 4, 0], [0, 1, −1, 8, −8, 1]]</c>.
/// Each transform goes along the columns into the tile's work vectors, then along the rows.
/// </summary>
internal readonly unsafe struct WinogradF4 : IWinogradTile
{
    private const int Slot = 16;

    public static int Outputs => 4;

    public static int Points => 6;

    /// <summary>G, row-major (6 × 3).</summary>
    private static readonly WinogradKernelTransform Transform = new([0.25, 0, 0, -1.0 / 6, -1.0 / 6, -1.0 / 6, -1.0 / 6, 1.0 / 6, -1.0 / 6, 1.0 / 24, 1.0 / 12, 1.0 / 6, 1.0 / 24, -1.0 / 12, 1.0 / 6, 0, 0, 1], 6);

    public static void Kernel(float* kernel, int channels, int filters, float* u) => Transform.Run(kernel, channels, filters, u);

    public static void Input(float** pixels, float* v, nint stride, int channels, float* work)
    {
        var step = new InputStep { Pixels = pixels, V = v, Stride = stride, Work = work };
        ChannelLoop.Run(ref step, channels);
    }

    public static void Output(float* m, nint stride, float** outputs, float* bias, bool relu, bool accumulate, int filters, float* work)
    {
        var step = new OutputStep { M = m, Stride = stride, Outputs = outputs, Bias = bias, Relu = relu, Accumulate = accumulate, Work = work };
        ChannelLoop.Run(ref step, filters);
    }

    /// <summary>Bᵀ applied to six points.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InputPoints<TOps, TVector>(TVector d0, TVector d1, TVector d2, TVector d3, TVector d4, TVector d5, float* to, nint step)
        where TOps : struct, IVectorOps<TVector>
        where TVector : struct
    {
        TVector four = TOps.Broadcast(4f), minusFive = TOps.Broadcast(-5f), two = TOps.Broadcast(2f);
        TOps.Store(TOps.FusedMultiplyAdd(four, d0, TOps.FusedMultiplyAdd(minusFive, d2, d4)), to);
        TOps.Store(TOps.FusedMultiplyAdd(TOps.Broadcast(-4f), TOps.Add(d1, d2), TOps.Add(d3, d4)), to + step);
        TOps.Store(TOps.FusedMultiplyAdd(four, TOps.Subtract(d1, d2), TOps.Subtract(d4, d3)), to + (2 * step));
        TOps.Store(TOps.FusedMultiplyAdd(two, TOps.Subtract(d3, d1), TOps.Subtract(d4, d2)), to + (3 * step));
        TOps.Store(TOps.FusedMultiplyAdd(two, TOps.Subtract(d1, d3), TOps.Subtract(d4, d2)), to + (4 * step));
        TOps.Store(TOps.FusedMultiplyAdd(four, d1, TOps.FusedMultiplyAdd(minusFive, d3, d5)), to + (5 * step));
    }

    /// <summary>Aᵀ applied to six products: four values, <paramref name="step"/> floats apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OutputPoints<TOps, TVector>(TVector m0, TVector m1, TVector m2, TVector m3, TVector m4, TVector m5, float* to, nint step)
        where TOps : struct, IVectorOps<TVector>
        where TVector : struct
    {
        TVector s1 = TOps.Add(m1, m2), d1 = TOps.Subtract(m1, m2), s2 = TOps.Add(m3, m4), d2 = TOps.Subtract(m3, m4);
        TOps.Store(TOps.Add(TOps.Add(m0, s1), s2), to);
        TOps.Store(TOps.FusedMultiplyAdd(TOps.Broadcast(2f), d2, d1), to + step);
        TOps.Store(TOps.FusedMultiplyAdd(TOps.Broadcast(4f), s2, s1), to + (2 * step));
        TOps.Store(TOps.FusedMultiplyAdd(TOps.Broadcast(8f), d2, TOps.Add(d1, m5)), to + (3 * step));
    }

    private struct InputStep : IChannelStep
    {
        public float** Pixels;
        public float* V;
        public float* Work;
        public nint Stride;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Vector<TOps, TMask, TVector>(int j)
            where TOps : struct, IVectorOps<TVector>
            where TMask : struct, IMaskOps<TVector>
            where TVector : struct
        {
            // Bᵀ d, column by column into the work vectors (row-major, one slot each) ...
            for (int col = 0; col < 6; col++)
            {
                InputPoints<TOps, TVector>(
                    TOps.Load(Pixels[col] + j), TOps.Load(Pixels[6 + col] + j), TOps.Load(Pixels[12 + col] + j),
                    TOps.Load(Pixels[18 + col] + j), TOps.Load(Pixels[24 + col] + j), TOps.Load(Pixels[30 + col] + j),
                    Work + (col * Slot), 6 * Slot);
            }

            // ... then (Bᵀ d) B, row by row into V.
            for (int row = 0; row < 6; row++)
            {
                float* w = Work + (row * 6 * Slot);
                InputPoints<TOps, TVector>(
                    TOps.Load(w), TOps.Load(w + Slot), TOps.Load(w + (2 * Slot)), TOps.Load(w + (3 * Slot)), TOps.Load(w + (4 * Slot)), TOps.Load(w + (5 * Slot)),
                    V + (6 * row * Stride) + j, Stride);
            }
        }
    }

    private struct OutputStep : IChannelStep
    {
        public float* M;
        public float* Work;
        public nint Stride;
        public float** Outputs;
        public float* Bias;
        public bool Relu;
        public bool Accumulate;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Vector<TOps, TMask, TVector>(int j)
            where TOps : struct, IVectorOps<TVector>
            where TMask : struct, IMaskOps<TVector>
            where TVector : struct
        {
            // Aᵀ m, column by column into four rows of work vectors ...
            for (int col = 0; col < 6; col++)
            {
                float* m = M + (col * Stride) + j;
                OutputPoints<TOps, TVector>(
                    TOps.Load(m), TOps.Load(m + (6 * Stride)), TOps.Load(m + (12 * Stride)),
                    TOps.Load(m + (18 * Stride)), TOps.Load(m + (24 * Stride)), TOps.Load(m + (30 * Stride)),
                    Work + (col * Slot), 6 * Slot);
            }

            // ... then (Aᵀ m) A, row by row, each row's four outputs finished where they belong.
            TVector bias = Bias == null ? default : TOps.Load(Bias + j);
            for (int row = 0; row < 4; row++)
            {
                float* w = Work + (row * 6 * Slot);
                OutputPoints<TOps, TVector>(
                    TOps.Load(w), TOps.Load(w + Slot), TOps.Load(w + (2 * Slot)), TOps.Load(w + (3 * Slot)), TOps.Load(w + (4 * Slot)), TOps.Load(w + (5 * Slot)),
                    w, Slot);
                for (int col = 0; col < 4; col++)
                {
                    float* to = Outputs[(4 * row) + col] + j;
                    TVector value = TOps.Add(TOps.Load(w + (col * Slot)), bias);
                    value = Accumulate ? TOps.Add(TOps.Load(to), value) : value;
                    TOps.Store(Relu ? TOps.Relu(value) : value, to);
                }
            }
        }
    }
}
