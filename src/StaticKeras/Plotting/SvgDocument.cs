using System;
using System.Globalization;
using System.Text;

namespace StaticKeras.Plotting;

/// <summary>
/// A small SVG writer: elements with attributes, escaped text, numbers in the invariant culture.
/// Enough for the charts and graphs StaticKeras draws, with no native or drawing dependency; any
/// browser or vector editor shows the result.
/// </summary>
internal sealed class SvgDocument
{
    /// <summary>The font every label uses; widths are estimated from it.</summary>
    public const string Font = "Helvetica, Arial, sans-serif";

    private readonly StringBuilder text = new();
    private int depth;

    /// <summary>Starts the document with its size and a white background.</summary>
    public SvgDocument(double width, double height, string title)
    {
        text.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        Open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", Number(width), "height", Number(height), "viewBox", $"0 0 {Number(width)} {Number(height)}", "font-family", Font);
        Element("title", title);
        Empty("rect", "width", "100%", "height", "100%", "fill", "white");
    }

    /// <summary>A number as SVG wants it: invariant, at most two decimals.</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The estimated width of <paramref name="label"/> in pixels at <paramref name="size"/> (average glyph 0.6 em).</summary>
    public static double TextWidth(string label, double size) => label.Length * size * 0.6;

    /// <summary>Opens an element; attributes alternate names and values.</summary>
    public void Open(string name, params string[] attributes)
    {
        Indent();
        text.Append('<').Append(name);
        Attributes(attributes);
        text.Append(">\n");
        depth++;
    }

    /// <summary>Closes the element opened last.</summary>
    public void Close(string name)
    {
        depth--;
        Indent();
        text.Append("</").Append(name).Append(">\n");
    }

    /// <summary>An element with no content.</summary>
    public void Empty(string name, params string[] attributes)
    {
        Indent();
        text.Append('<').Append(name);
        Attributes(attributes);
        text.Append("/>\n");
    }

    /// <summary>An element holding text.</summary>
    public void Element(string name, string content, params string[] attributes)
    {
        Indent();
        text.Append('<').Append(name);
        Attributes(attributes);
        text.Append('>').Append(Escape(content)).Append("</").Append(name).Append(">\n");
    }

    /// <summary>A text label at (x, y).</summary>
    public void Text(double x, double y, string content, double size, string anchor = "start", params string[] attributes)
    {
        var all = new string[attributes.Length + 8];
        (all[0], all[1], all[2], all[3], all[4], all[5], all[6], all[7]) = ("x", Number(x), "y", Number(y), "font-size", Number(size), "text-anchor", anchor);
        attributes.CopyTo(all, 8);
        Element("text", content, all);
    }

    /// <summary>The finished document.</summary>
    public override string ToString()
    {
        while (depth > 0)
        {
            Close("svg");
        }

        return text.ToString();
    }

    private void Attributes(string[] attributes)
    {
        for (int i = 0; i + 1 < attributes.Length; i += 2)
        {
            text.Append(' ').Append(attributes[i]).Append("=\"").Append(Escape(attributes[i + 1])).Append('"');
        }
    }

    private void Indent() => text.Append(' ', 2 * depth);

    private static string Escape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
