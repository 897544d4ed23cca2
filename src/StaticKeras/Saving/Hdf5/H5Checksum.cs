using System;
#if NET
using System.Numerics;
using System.Runtime.InteropServices;
#endif

namespace StaticKeras.Saving.Hdf5;

/// <summary>
/// The checksums HDF5 uses: Jenkins' lookup3 over metadata (superblock v2/v3, v2 object headers) and
/// Fletcher-32 as the dataset filter, plus zlib's Adler-32 for deflated chunks.
/// </summary>
/// <remarks>
/// Written from the HDF5 library (src/H5checksum.c: <c>H5_checksum_lookup3</c> is Bob Jenkins'
/// <c>hashlittle</c> read byte by byte, <c>H5_checksum_fletcher32</c> sums big-endian 16-bit words);
/// byte-wise so the result does not depend on the machine's byte order.
/// </remarks>
internal static class H5Checksum
{
    private const int BlockWords = 360;

    /// <summary>HDF5's metadata checksum (<c>H5_checksum_metadata</c> = lookup3 with initial value 0).</summary>
    public static uint Lookup3(ReadOnlySpan<byte> key)
    {
        uint a, b, c;
        a = b = c = 0xdeadbeef + (uint)key.Length;
        int i = 0;
        int length = key.Length;
        while (length > 12)
        {
            a += Word(key, i);
            b += Word(key, i + 4);
            c += Word(key, i + 8);
            Mix(ref a, ref b, ref c);
            length -= 12;
            i += 12;
        }

        if (length == 0)
        {
            return c;
        }

        // The tail is read as zero-padded little-endian words, as hashlittle's fall-through switch does.
        Span<byte> tail = stackalloc byte[12];
        tail.Clear();
        key.Slice(i, length).CopyTo(tail);
        a += Word(tail, 0);
        b += Word(tail, 4);
        c += Word(tail, 8);
        Final(ref a, ref b, ref c);
        return c;
    }

    /// <summary>HDF5's Fletcher-32 (<c>H5_checksum_fletcher32</c>): big-endian 16-bit words, the odd byte as a high byte.</summary>
    public static uint Fletcher32(ReadOnlySpan<byte> data)
    {
#if NET
        if (Vector.IsHardwareAccelerated && data.Length >= 2 * BlockWords)
        {
            return Fletcher32Vector(data);
        }
#endif
        return Fletcher32Scalar(data);
    }

    /// <summary>The word-at-a-time loop exactly as HDF5 writes it: the reference the vector path must equal.</summary>
    internal static uint Fletcher32Scalar(ReadOnlySpan<byte> data) => Fletcher32Scalar(data, 0, 0);

    private static uint Fletcher32Scalar(ReadOnlySpan<byte> data, uint sum1, uint sum2)
    {
        int words = data.Length / 2;
        int p = 0;
        while (words > 0)
        {
            // 360 words keep both sums below 2^32 before the reduction (HDF5's block size).
            int block = words > BlockWords ? BlockWords : words;
            words -= block;
            for (int k = 0; k < block; k++, p += 2)
            {
                sum1 += (uint)((data[p] << 8) | data[p + 1]);
                sum2 += sum1;
            }

            sum1 = (sum1 & 0xffff) + (sum1 >> 16);
            sum2 = (sum2 & 0xffff) + (sum2 >> 16);
        }

        if ((data.Length & 1) != 0)
        {
            sum1 += (uint)(data[p] << 8);
            sum2 += sum1;
            sum1 = (sum1 & 0xffff) + (sum1 >> 16);
            sum2 = (sum2 & 0xffff) + (sum2 >> 16);
        }

        sum1 = (sum1 & 0xffff) + (sum1 >> 16);
        sum2 = (sum2 & 0xffff) + (sum2 >> 16);
        return (sum2 << 16) | sum1;
    }

#if NET
    // Per block of n words w_0..w_(n-1), HDF5's loop adds S = sum w_j to sum1 and n*sum1 + n*S - sum j*w_j
    // to sum2, all modulo 2^32 like its uint32 sums; S and sum j*w_j can be added in any order, so a
    // vector loop gives HDF5's exact result. Only whole blocks go through here; the scalar loop does the rest.
    private static uint Fletcher32Vector(ReadOnlySpan<byte> data)
    {
        int lanes = Vector<uint>.Count;
        Span<uint> ramp = stackalloc uint[lanes];
        for (int i = 0; i < lanes; i++)
        {
            ramp[i] = (uint)i;
        }

        var index0 = new Vector<uint>(ramp);
        var step = new Vector<uint>((uint)(2 * lanes));
        uint sum1 = 0, sum2 = 0;
        int blocks = data.Length / (2 * BlockWords);
        int wordsPerVector = Vector<ushort>.Count;
        for (int b = 0; b < blocks; b++)
        {
            ReadOnlySpan<ushort> words = MemoryMarshal.Cast<byte, ushort>(data.Slice(b * 2 * BlockWords, 2 * BlockWords));
            Vector<uint> s = Vector<uint>.Zero, t = Vector<uint>.Zero, index = index0;
            int j = 0;
            for (; j + wordsPerVector <= BlockWords; j += wordsPerVector)
            {
                var w = new Vector<ushort>(words.Slice(j));
                w = BitConverter.IsLittleEndian ? Vector.BitwiseOr(Vector.ShiftLeft(w, 8), Vector.ShiftRightLogical(w, 8)) : w;
                Vector.Widen(w, out Vector<uint> low, out Vector<uint> high);
                s += low + high;
                t += (low * index) + (high * (index + new Vector<uint>((uint)lanes)));
                index += step;
            }

            uint blockS = Vector.Sum(s), blockT = Vector.Sum(t);
            for (; j < BlockWords; j++)
            {
                uint w = (uint)((data[(b * 2 * BlockWords) + (2 * j)] << 8) | data[(b * 2 * BlockWords) + (2 * j) + 1]);
                blockS += w;
                blockT += (uint)j * w;
            }

            sum2 += (BlockWords * sum1) + (BlockWords * blockS) - blockT;
            sum1 += blockS;
            sum1 = (sum1 & 0xffff) + (sum1 >> 16);
            sum2 = (sum2 & 0xffff) + (sum2 >> 16);
        }

        return Fletcher32Scalar(data.Slice(blocks * 2 * BlockWords), sum1, sum2);
    }
#endif

    /// <summary>zlib's Adler-32 (RFC 1950), which ends every deflated chunk.</summary>
    public static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint Mod = 65521;
        uint a = 1, b = 0;
        int i = 0;
        while (i < data.Length)
        {
            // 5552 bytes is the most that cannot overflow b before the modulo (zlib's NMAX).
            int end = Math.Min(data.Length, i + 5552);
            for (; i < end; i++)
            {
                a += data[i];
                b += a;
            }

            a %= Mod;
            b %= Mod;
        }

        return (b << 16) | a;
    }

    private static uint Word(ReadOnlySpan<byte> k, int i) =>
        k[i] | ((uint)k[i + 1] << 8) | ((uint)k[i + 2] << 16) | ((uint)k[i + 3] << 24);

    private static uint Rot(uint x, int k) => (x << k) | (x >> (32 - k));

    private static void Mix(ref uint a, ref uint b, ref uint c)
    {
        a -= c; a ^= Rot(c, 4); c += b;
        b -= a; b ^= Rot(a, 6); a += c;
        c -= b; c ^= Rot(b, 8); b += a;
        a -= c; a ^= Rot(c, 16); c += b;
        b -= a; b ^= Rot(a, 19); a += c;
        c -= b; c ^= Rot(b, 4); b += a;
    }

    private static void Final(ref uint a, ref uint b, ref uint c)
    {
        c ^= b; c -= Rot(b, 14);
        a ^= c; a -= Rot(c, 11);
        b ^= a; b -= Rot(a, 25);
        c ^= b; c -= Rot(b, 16);
        a ^= c; a -= Rot(c, 4);
        b ^= a; b -= Rot(a, 14);
        c ^= b; c -= Rot(b, 24);
    }
}
