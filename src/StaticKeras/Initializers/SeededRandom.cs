using System;

namespace StaticKeras;

/// <summary>
/// A small, fast, seedable random stream (xoshiro128**), so the same seed gives the same weights,
/// shuffles and dropout masks on every machine. Not for cryptography.
/// </summary>
public sealed class SeededRandom
{
    private uint s0, s1, s2, s3;

    /// <summary>Creates a stream from a seed.</summary>
    public SeededRandom(ulong seed)
    {
        // SplitMix64 spreads any seed (even 0) over the 128-bit state.
        ulong z = seed;
        ulong a = SplitMix(ref z), b = SplitMix(ref z);
        s0 = (uint)a;
        s1 = (uint)(a >> 32);
        s2 = (uint)b;
        s3 = (uint)(b >> 32);
    }

    /// <summary>A stream for one purpose, derived from a model seed and a stream number.</summary>
    public static SeededRandom Derive(int seed, int stream) => new(((ulong)(uint)seed << 32) ^ (ulong)(uint)stream ^ 0x9E3779B97F4A7C15UL);

    /// <summary>The next 32 random bits.</summary>
    public uint NextUInt32()
    {
        uint result = RotateLeft(s1 * 5, 7) * 9;
        uint t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 11);
        return result;
    }

    /// <summary>A float in [0, 1) with 24 random bits.</summary>
    public float NextSingle() => (NextUInt32() >> 8) * (1.0f / (1 << 24));

    /// <summary>A double in [0, 1) with 32 random bits.</summary>
    public double NextDouble() => NextUInt32() * (1.0 / 4294967296.0);

    /// <summary>An integer in [0, <paramref name="maxExclusive"/>), without modulo bias.</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "The bound must be positive.");
        }

        ulong product = (ulong)NextUInt32() * (uint)maxExclusive;
        uint low = (uint)product;
        if (low < (uint)maxExclusive)
        {
            uint threshold = (uint)(-maxExclusive) % (uint)maxExclusive;
            while (low < threshold)
            {
                product = (ulong)NextUInt32() * (uint)maxExclusive;
                low = (uint)product;
            }
        }

        return (int)(product >> 32);
    }

    /// <summary>A standard normal sample (Box–Muller).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>The number of 32-bit words in the stream's state.</summary>
    public const int StateLength = 4;

    /// <summary>Copies the stream's state into <paramref name="state"/>, so a checkpoint can continue it exactly.</summary>
    /// <param name="state">Receives <see cref="StateLength"/> words.</param>
    public void SaveState(Span<uint> state)
    {
        state[0] = s0;
        state[1] = s1;
        state[2] = s2;
        state[3] = s3;
    }

    /// <summary>Continues from a state <see cref="SaveState"/> wrote.</summary>
    /// <param name="state"><see cref="StateLength"/> words.</param>
    /// <exception cref="ArgumentException">The state is too short or all zero (xoshiro's one invalid state).</exception>
    public void RestoreState(ReadOnlySpan<uint> state)
    {
        if (state.Length < StateLength || (state[0] | state[1] | state[2] | state[3]) == 0)
        {
            throw new ArgumentException($"A random stream's state is {StateLength} words, not all zero; got {state.Length} words.", nameof(state));
        }

        (s0, s1, s2, s3) = (state[0], state[1], state[2], state[3]);
    }

    /// <summary>Shuffles <paramref name="values"/> in place (Fisher–Yates).</summary>
    public void Shuffle(Span<int> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private static uint RotateLeft(uint x, int k) => (x << k) | (x >> (32 - k));

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
