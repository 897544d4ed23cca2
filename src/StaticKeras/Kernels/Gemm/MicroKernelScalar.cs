using System;

namespace StaticKeras.Kernels;

/// <summary>
/// The portable fallback for hardware without 256-bit vectors: the same tile contract in plain
/// loops, so the driver's blocking and threading still apply. It fuses each multiply-add like the
/// vector kernels, so every kernel gives the same bits.
/// </summary>
internal readonly unsafe struct MicroKernelScalar : IMicroKernel
{
    public static bool IsSupported => true;

    public static int Rows => 4;

    public static int Width => 8;

    public static void Tile(int rows, bool half, ref TileArgs t)
    {
        int width = half ? Width / 2 : Width;
        for (int i = 0; i < rows; i++)
        {
            float* c = t.C + (i * t.Ldc);
            float* a = t.A + (i * t.ARow);
            for (int j = 0; j < width; j++)
            {
                float sum = t.LoadC ? c[j] : 0f;
                float* b = t.B + j;
                for (int p = 0; p < t.Depth; p++)
                {
                    sum = MathF.FusedMultiplyAdd(a[p * t.AStep], b[p * t.BStep], sum);
                }

                if (t.Bias != null)
                {
                    sum += t.Bias[j];
                }

                c[j] = t.Relu ? MathF.Max(sum, 0f) : sum;
            }
        }
    }
}
