using System;
using System.IO;

namespace StaticKeras.Saving;

/// <summary>The steps of an atomic write, in order; a test hook runs after each.</summary>
internal enum AtomicWriteStage
{
    /// <summary>The temporary file exists, empty.</summary>
    Created,

    /// <summary>The content is written to the temporary file (maybe still in buffers).</summary>
    Written,

    /// <summary>The temporary file is flushed to the disk.</summary>
    Flushed,

    /// <summary>The temporary file is closed.</summary>
    Closed,

    /// <summary>The temporary file has replaced the target.</summary>
    Renamed,
}

/// <summary>
/// Replaces a file so that a crash at any moment leaves either the old file or the complete new
/// one, never a partial file: the content goes to a temporary file in the same folder, is flushed
/// to the disk, and is then renamed over the target (an atomic replace on one file system).
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> atomically with <paramref name="write"/>, which gets a seekable stream.</summary>
    /// <exception cref="IOException">The folder is not writable or the disk is full; the old file is untouched.</exception>
    public static void Write(string path, Action<Stream> write) => Write(path, write, null);

    /// <summary>The temporary name used for <paramref name="path"/>: hidden, in the same folder, unique per write.</summary>
    internal static string TemporaryPath(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");

    /// <summary>As <see cref="Write(string, Action{Stream})"/>, calling <paramref name="afterStage"/> after each step (tests throw from it to simulate a crash).</summary>
    internal static void Write(string path, Action<Stream> write, Action<AtomicWriteStage>? afterStage)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string target = Path.GetFullPath(path);
        string temporary = TemporaryPath(target);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                afterStage?.Invoke(AtomicWriteStage.Created);
                write(stream);
                afterStage?.Invoke(AtomicWriteStage.Written);

                // Without this the rename could reach the disk before the data: a crash would leave an empty file.
                stream.Flush(flushToDisk: true);
                afterStage?.Invoke(AtomicWriteStage.Flushed);
            }

            afterStage?.Invoke(AtomicWriteStage.Closed);
            File.Move(temporary, target, overwrite: true);
            afterStage?.Invoke(AtomicWriteStage.Renamed);
        }
        finally
        {
            // After a failure the temporary file is garbage; after success it no longer exists.
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // A leftover hidden temporary file is harmless; the target is what matters.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
