using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace StaticKeras.Modeling.Keras;

/// <summary>
/// JSON text as Python's <c>json.dumps</c> writes Keras configs (<c>", "</c> and <c>": "</c>
/// separators, floats always with a point, <c>null</c> for <c>None</c>), built from strings so
/// the generator needs no JSON library. Objects keep their members in insertion order.
/// </summary>
internal sealed class KerasJson
{
    private readonly List<KeyValuePair<string, string>> members = new();

    /// <summary>Adds (or replaces) a member whose value is already JSON text.</summary>
    public KerasJson Raw(string key, string json)
    {
        int at = members.FindIndex(m => m.Key == key);
        if (at >= 0)
        {
            members[at] = new KeyValuePair<string, string>(key, json);
        }
        else
        {
            members.Add(new KeyValuePair<string, string>(key, json));
        }

        return this;
    }

    /// <summary>The object's JSON text.</summary>
    public override string ToString() => "{" + string.Join(", ", members.Select(m => Quote(m.Key) + ": " + m.Value)) + "}";

    /// <summary>A JSON string literal.</summary>
    public static string Quote(string text)
    {
        var b = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        return b.Append('"').ToString();
    }

    /// <summary>A Python float as <c>json.dumps</c> writes it: <c>0.5</c>, <c>1.0</c>, <c>Infinity</c>, <c>NaN</c>.</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
    }

    /// <summary>An integer.</summary>
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A JSON array of already-formatted items.</summary>
    public static string Array(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    /// <summary>A list of integers (a Python tuple of ints).</summary>
    public static string Ints(IEnumerable<int> values) => Array(values.Select(v => Int(v)));

    /// <summary>A list of floats.</summary>
    public static string Floats(IEnumerable<double> values) => Array(values.Select(Float));

    /// <summary>A shape with the batch as <c>null</c>: <c>[null, 28, 28, 1]</c>.</summary>
    public static string BatchShape(IEnumerable<int> dims) => Array(new[] { "null" }.Concat(dims.Select(d => Int(d))));
}
