using System.IO;
using System.Text;

namespace StaticKeras.Plotting;

/// <summary>Writes a whole file or nothing: a temporary file beside it, flushed to disk, then renamed over it.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string content)
    {
        string full = Path.GetFullPath(path);
        string temporary = full + "." + Path.GetRandomFileName() + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                byte[] bytes = new UTF8Encoding(false).GetBytes(content);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
