using System.IO;
using System.IO.Compression;

namespace StaticKeras.Data;

/// <summary>Reads a data file whole, decompressing it when it starts with the gzip magic (whatever its name).</summary>
internal static class DataFile
{
    /// <summary>The file's bytes, gunzipped when they are gzip.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        byte[] raw = File.ReadAllBytes(path);
        if (raw.Length < 2 || raw[0] != 0x1f || raw[1] != 0x8b)
        {
            return raw;
        }

        using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
        using var result = new MemoryStream(raw.Length * 4);
        gzip.CopyTo(result);
        return result.ToArray();
    }
}
