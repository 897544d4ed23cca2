using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace StaticKeras;

/// <summary>
/// Fills a checkpoint file name the way Keras does with Python's <c>str.format</c>
/// (keras/src/callbacks/model_checkpoint.py, <c>_get_file_path</c>): <c>{epoch:02d}</c> is the
/// 1-based epoch, <c>{batch}</c> the 1-based batch, and any logged value by name
/// (<c>{val_loss:.2f}</c>). Supported specs: <c>d</c> with a width and zero fill, <c>f</c>,
/// <c>e</c> and <c>g</c> with a precision, or none; <c>{{</c> and <c>}}</c> are braces.
/// </summary>
internal static class CheckpointPath
{
    /// <exception cref="ArgumentException">A field names no value, or its spec is not supported; the message lists the values.</exception>
    public static string Format(string pattern, IReadOnlyDictionary<string, double> values)
    {
        var text = new StringBuilder(pattern.Length);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if ((c == '{' || c == '}') && i + 1 < pattern.Length && pattern[i + 1] == c)
            {
                text.Append(c);
                i++;
                continue;
            }

            if (c != '{')
            {
                text.Append(c);
                continue;
            }

            int end = pattern.IndexOf('}', i);
            if (end < 0)
            {
                throw new ArgumentException($"The checkpoint path \"{pattern}\" has a '{{' without its '}}'.");
            }

            string field = pattern.Substring(i + 1, end - i - 1);
            int colon = field.IndexOf(':');
            string name = colon < 0 ? field : field.Substring(0, colon);
            string spec = colon < 0 ? string.Empty : field.Substring(colon + 1);
            if (!values.TryGetValue(name, out double value))
            {
                throw new ArgumentException($"Failed to format the checkpoint path \"{pattern}\": no value '{name}'. Available: {string.Join(", ", values.Keys)}.");
            }

            text.Append(FormatValue(value, spec, pattern));
            i = end;
        }

        return text.ToString();
    }

    private static string FormatValue(double value, string spec, string pattern)
    {
        if (spec.Length == 0)
        {
            // Python prints an int (epoch, batch) as is and a float with repr.
            return value == Math.Floor(value) && Math.Abs(value) < 1e15 ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
        }

        char kind = spec[^1];
        string body = spec[..^1];
        bool zero = body.StartsWith('0');
        int dot = body.IndexOf('.');
        int width = int.TryParse(dot < 0 ? body : body[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out int w) ? w : 0;
        int precision = dot >= 0 && int.TryParse(body[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int p) ? p : 6;
        string formatted = kind switch
        {
            'd' => ((long)value).ToString(CultureInfo.InvariantCulture),
            'f' => value.ToString("F" + precision, CultureInfo.InvariantCulture),
            'e' => value.ToString((precision == 0 ? "0" : "0." + new string('0', precision)) + "e+00", CultureInfo.InvariantCulture),
            'g' => value.ToString("G" + Math.Max(precision, 1), CultureInfo.InvariantCulture),
            _ => throw new ArgumentException($"The checkpoint path \"{pattern}\" uses the format spec '{spec}'; supported are d, f, e and g with a width or precision (such as 02d or .4f)."),
        };
        return formatted.PadLeft(width, zero ? '0' : ' ');
    }
}
