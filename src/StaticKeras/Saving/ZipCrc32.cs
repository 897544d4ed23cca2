using System;

namespace StaticKeras.Saving;

/// <summary>
/// The zip format's CRC-32 (ISO 3309 polynomial, reflected): <see cref="System.IO.Compression.ZipArchive"/>
/// does not check it when reading, so <see cref="KerasArchive"/> does, to catch a corrupted member.
/// </summary>
internal static class ZipCrc32
{
    private static readonly uint[] Table = CreateTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xffffffff;
        foreach (byte b in data)
        {
            crc = Table[(crc ^ b) & 0xff] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xedb88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
