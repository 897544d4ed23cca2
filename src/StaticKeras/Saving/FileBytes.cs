using System;
using System.IO;

namespace StaticKeras.Saving;

/// <summary>Reads whole files for the readers and turns every parsing failure into <see cref="ModelFileException"/>.</summary>
internal static class FileBytes
{
    /// <summary>The file's bytes; I/O failures (missing file, no access) stay the framework's exceptions.</summary>
    public static byte[] ReadAll(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.ReadAllBytes(path);
    }

    /// <summary>
    /// Runs a reader. A <see cref="ModelFileException"/> passes through; any other exception from
    /// malformed bytes that a check missed becomes one, so callers see one exception type.
    /// </summary>
    public static T Guard<T>(string name, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidCastException or OverflowException or InvalidDataException or EndOfStreamException or FormatException or ArithmeticException)
        {
            throw new ModelFileException(name, "/", "could not be parsed (" + e.Message + "); the file is corrupted or not in the expected format", e);
        }
    }
}
