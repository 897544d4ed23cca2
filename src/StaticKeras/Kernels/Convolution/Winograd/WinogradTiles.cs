using System.Runtime.CompilerServices;

namespace StaticKeras.Kernels;

/// <summary>
/// The data side of Winograd's F(2×2, 3×3) for one tile of 2×2 outputs: the 4×4 input patch
/// becomes <c>V = Bᵀ d B</c> with <c>Bᵀ = [[1, 0, −1, 0], [0, 1, 1, 0], [0, −1, 1, 0], [0, 1, 0, −1]]</c>,
/// and the 16 products <c>m</c> become the outputs <c>Y = Aᵀ m A</c> with
/// <c>Aᵀ = [[1, 1, 1, 0], [0, 1, −1, −1]]</c> (Lavin and Gray, 2015): additions only, vectorised
/// across channels. Element ξ = 4·row + column of a tile sits <c>stride</c> floats after element ξ − 1.
/// </summary>
internal static unsafe class WinogradTiles
{
    /// <summary>
    /// <c>V[ξ][c]</c> from 16 input pixels (row-major over the 4×4 patch; padding points at a zero
    /// row), written <paramref name="stride"/> floats apart, for <paramref name="channels"/> channels.
    /// </summary>
    public static void Input(float** pixels, float* v, nint stride, int channels)
    {
        var step = new InputStep { Pixels = pixels, V = v, Stride = stride };
        ChannelLoop.Run(ref step, channels);
    }

    /// <summary>
    /// The 2×2 outputs from <c>m[ξ][f]</c> (<paramref name="stride"/> floats apart): written to
    /// <paramref name="outputs"/> (row-major; one outside the image points at a discard row), with
    /// the bias added, ReLU applied when asked, or added to what is there.
    /// </summary>
    public static void Output(float* m, nint stride, float** outputs, float* bias, bool relu, bool accumulate, int filters)
    {
        var step = new OutputStep { M = m, Stride = stride, Outputs = outputs, Bias = bias, Relu = relu, Accumulate = accumulate };
        ChannelLoop.Run(ref step, filters);
    }

    private struct InputStep : IChannelStep
    {
        public float** Pixels;
        public float* V;
        public nint Stride;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Vector<TOps, TMask, TVector>(int j)
            where TOps : struct, IVectorOps<TVector>
            where TMask : struct, IMaskOps<TVector>
            where TVector : struct
        {
            // Bᵀ d: each column of the patch, rows combined.
            TVector t00 = default, t01 = default, t02 = default, t03 = default, t10 = default, t11 = default, t12 = default, t13 = default;
            TVector t20 = default, t21 = default, t22 = default, t23 = default, t30 = default, t31 = default, t32 = default, t33 = default;
            Column<TOps, TVector>(0, j, ref t00, ref t10, ref t20, ref t30);
            Column<TOps, TVector>(1, j, ref t01, ref t11, ref t21, ref t31);
            Column<TOps, TVector>(2, j, ref t02, ref t12, ref t22, ref t32);
            Column<TOps, TVector>(3, j, ref t03, ref t13, ref t23, ref t33);

            // (Bᵀ d) B: each row, columns combined.
            Row<TOps, TVector>(0, j, t00, t01, t02, t03);
            Row<TOps, TVector>(1, j, t10, t11, t12, t13);
            Row<TOps, TVector>(2, j, t20, t21, t22, t23);
            Row<TOps, TVector>(3, j, t30, t31, t32, t33);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private readonly void Column<TOps, TVector>(int col, int j, ref TVector r0, ref TVector r1, ref TVector r2, ref TVector r3)
            where TOps : struct, IVectorOps<TVector>
            where TVector : struct
        {
            TVector d0 = TOps.Load(Pixels[col] + j), d1 = TOps.Load(Pixels[4 + col] + j);
            TVector d2 = TOps.Load(Pixels[8 + col] + j), d3 = TOps.Load(Pixels[12 + col] + j);
            r0 = TOps.Subtract(d0, d2);
            r1 = TOps.Add(d1, d2);
            r2 = TOps.Subtract(d2, d1);
            r3 = TOps.Subtract(d1, d3);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private readonly void Row<TOps, TVector>(int row, int j, TVector a, TVector b, TVector c, TVector d)
            where TOps : struct, IVectorOps<TVector>
            where TVector : struct
        {
            float* to = V + (4 * row * Stride) + j;
            TOps.Store(TOps.Subtract(a, c), to);
            TOps.Store(TOps.Add(b, c), to + Stride);
            TOps.Store(TOps.Subtract(c, b), to + (2 * Stride));
            TOps.Store(TOps.Subtract(b, d), to + (3 * Stride));
        }
    }

    private struct OutputStep : IChannelStep
    {
        public float* M;
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
            // Aᵀ m: rows 0..3 of m combined into two rows, per column.
            TVector u00 = default, u01 = default, u02 = default, u03 = default, u10 = default, u11 = default, u12 = default, u13 = default;
            Column<TOps, TVector>(0, j, ref u00, ref u10);
            Column<TOps, TVector>(1, j, ref u01, ref u11);
            Column<TOps, TVector>(2, j, ref u02, ref u12);
            Column<TOps, TVector>(3, j, ref u03, ref u13);
            TVector bias = Bias == null ? default : TOps.Load(Bias + j);
            Store<TOps, TVector>(0, j, TOps.Add(TOps.Add(u00, u01), u02), bias);
            Store<TOps, TVector>(1, j, TOps.Subtract(TOps.Subtract(u01, u02), u03), bias);
            Store<TOps, TVector>(2, j, TOps.Add(TOps.Add(u10, u11), u12), bias);
            Store<TOps, TVector>(3, j, TOps.Subtract(TOps.Subtract(u11, u12), u13), bias);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private readonly void Column<TOps, TVector>(int col, int j, ref TVector r0, ref TVector r1)
            where TOps : struct, IVectorOps<TVector>
            where TVector : struct
        {
            TVector m0 = TOps.Load(M + (col * Stride) + j), m1 = TOps.Load(M + ((4 + col) * Stride) + j);
            TVector m2 = TOps.Load(M + ((8 + col) * Stride) + j), m3 = TOps.Load(M + ((12 + col) * Stride) + j);
            r0 = TOps.Add(TOps.Add(m0, m1), m2);
            r1 = TOps.Subtract(TOps.Subtract(m1, m2), m3);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private readonly void Store<TOps, TVector>(int output, int j, TVector value, TVector bias)
            where TOps : struct, IVectorOps<TVector>
            where TVector : struct
        {
            float* to = Outputs[output] + j;
            value = TOps.Add(value, bias);
            value = Accumulate ? TOps.Add(TOps.Load(to), value) : value;
            TOps.Store(Relu ? TOps.Relu(value) : value, to);
        }
    }
}
