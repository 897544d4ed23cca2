using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace StaticKeras;

/// <summary>
/// Keras's <c>CSVLogger</c> (<c>keras/src/callbacks/csv_logger.py</c>): one row per epoch, columns
/// <c>epoch</c> then the logged names sorted (with <c>val_*</c> columns added when the first epoch has
/// none, filled with <c>NA</c> until validation runs). With <see cref="Append"/> an existing file is
/// continued, its header kept. Each row is flushed as it is written.
/// </summary>
public sealed class CSVLogger : Callback
{
    private StreamWriter? writer;
    private List<string>? keys;
    private bool writeHeader;

    /// <summary>Creates the callback with Keras's defaults.</summary>
    /// <param name="filename">The CSV file.</param>
    /// <param name="separator">The column separator.</param>
    /// <param name="append">Continue an existing file instead of replacing it.</param>
    public CSVLogger(string filename, string separator = ",", bool append = false)
    {
        Filename = filename ?? throw new ArgumentNullException(nameof(filename));
        Separator = separator;
        Append = append;
    }

    /// <summary>The CSV file.</summary>
    public string Filename { get; }

    /// <summary>The column separator.</summary>
    public string Separator { get; }

    /// <summary>Whether an existing file is continued.</summary>
    public bool Append { get; }

    /// <inheritdoc/>
    public override void OnTrainBegin()
    {
        writer?.Dispose();
        writeHeader = !Append || !File.Exists(Filename) || new FileInfo(Filename).Length == 0;
        writer = new StreamWriter(Filename, Append, new UTF8Encoding(false)) { NewLine = "\r\n" };
        keys = null;
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs)
    {
        if (writer is null)
        {
            return;
        }

        if (keys is null)
        {
            keys = logs.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
            if (!keys.Any(k => k.StartsWith("val_", StringComparison.Ordinal)) && keys.Count > 0)
            {
                keys.AddRange(keys.Select(k => "val_" + k).ToList());
            }

            if (writeHeader)
            {
                writer.WriteLine("epoch" + Separator + string.Join(Separator, keys));
            }
        }

        var row = new StringBuilder(epoch.ToString(CultureInfo.InvariantCulture));
        foreach (string key in keys)
        {
            row.Append(Separator).Append(logs.TryGetValue(key, out double v) ? v.ToString("R", CultureInfo.InvariantCulture) : "NA");
        }

        writer.WriteLine(row);
        writer.Flush();
    }

    /// <inheritdoc/>
    public override void OnTrainEnd()
    {
        writer?.Dispose();
        writer = null;
    }
}
