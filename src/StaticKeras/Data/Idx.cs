using System;
using System.Buffers.Binary;
using System.IO;

namespace StaticKeras.Data;

/// <summary>
/// Reads IDX files (the format of MNIST and Fashion-MNIST), plain or gzip-compressed: a magic
/// number with the element type and rank, big-endian dimensions, then the values.
/// </summary>
public static class Idx
{
    /// <summary>Reads an IDX file of unsigned bytes.</summary>
    /// <param name="path">The file; <c>.gz</c> files (or any file starting with the gzip magic) are decompressed.</param>
    /// <returns>The dimensions and the values in row-major order.</returns>
    /// <exception cref="InvalidDataException">The file is not an IDX file of bytes, or is truncated; the message says which and why.</exception>
    public static (int[] Dimensions, byte[] Values) ReadBytes(string path)
    {
        byte[] content = ReadAll(path);
        if (content.Length < 4 || content[0] != 0 || content[1] != 0)
        {
            throw new InvalidDataException($"'{path}' is not an IDX file: it does not start with the IDX magic (0x00 0x00 type rank).");
        }

        if (content[2] != 0x08)
        {
            throw new InvalidDataException($"'{path}' holds IDX type 0x{content[2]:X2}; only unsigned bytes (0x08) are supported.");
        }

        int rank = content[3];
        int header = 4 + (4 * rank);
        if (rank == 0 || content.Length < header)
        {
            throw new InvalidDataException($"'{path}' is truncated: its header needs {header} bytes, the file has {content.Length}.");
        }

        var dims = new int[rank];
        long count = 1;
        for (int i = 0; i < rank; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(4 + (4 * i)));
            count *= dims[i];
        }

        if (content.Length - header != count)
        {
            throw new InvalidDataException($"'{path}' declares shape ({string.Join(", ", dims)}) = {count} values but holds {content.Length - header}.");
        }

        return (dims, content.AsSpan(header).ToArray());
    }

    /// <summary>Reads IDX images as floats scaled to [0, 1] (value / 255), row-major <c>(N, rows, cols)</c>.</summary>
    public static (float[] Images, int Count, int Rows, int Columns) ReadImages(string path)
    {
        (int[] dims, byte[] values) = ReadBytes(path);
        if (dims.Length != 3)
        {
            throw new InvalidDataException($"'{path}' has rank {dims.Length}; images are (N, rows, cols).");
        }

        var images = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            images[i] = values[i] / 255f;
        }

        return (images, dims[0], dims[1], dims[2]);
    }

    /// <summary>Reads IDX labels as class ids.</summary>
    public static int[] ReadLabels(string path)
    {
        (int[] dims, byte[] values) = ReadBytes(path);
        if (dims.Length != 1)
        {
            throw new InvalidDataException($"'{path}' has rank {dims.Length}; labels are (N,).");
        }

        return Array.ConvertAll(values, v => (int)v);
    }

    private static byte[] ReadAll(string path) => DataFile.ReadAllBytes(path);
}
