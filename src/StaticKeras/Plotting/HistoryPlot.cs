using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace StaticKeras.Plotting;

/// <summary>
/// Draws a <see cref="History"/> as the training curves Keras users plot with matplotlib: one
/// panel per metric (loss first), its training values solid and its validation values
/// (<c>val_</c>) dashed, by epoch, with round-number axes and a legend. Plain SVG.
/// </summary>
public static class HistoryPlot
{
    private const double PanelWidth = 440, PanelHeight = 270, Left = 64, Right = 20, Top = 40, Bottom = 46, Header = 34;
    private static readonly (string Color, string Dash, string Kind)[] Styles = [("#1f77b4", "none", "train"), ("#ff7f0e", "6 4", "validation")];

    /// <summary>The curves as an SVG document.</summary>
    /// <param name="history">What <c>Fit</c> returned.</param>
    /// <param name="title">A heading over the panels (the model's name, say), or null.</param>
    public static string ToSvg(History history, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        List<string> metrics = Metrics(history);
        int columns = Math.Min(2, Math.Max(1, metrics.Count)), rows = Math.Max(1, (metrics.Count + columns - 1) / columns);
        double header = title is null ? 0 : Header;
        var svg = new SvgDocument(columns * PanelWidth, header + (rows * PanelHeight), title ?? "Training history");
        if (title is not null)
        {
            svg.Text(columns * PanelWidth / 2, 24, title, 18, "middle", "class", "heading", "font-weight", "bold");
        }

        for (int m = 0; m < metrics.Count; m++)
        {
            Panel(svg, history, metrics[m], (m % columns) * PanelWidth, header + ((m / columns) * PanelHeight));
        }

        if (metrics.Count == 0)
        {
            svg.Text(columns * PanelWidth / 2, header + (PanelHeight / 2), "No epochs were recorded.", 14, "middle");
        }

        return svg.ToString();
    }

    /// <summary>Writes the curves to an SVG file (whole or not at all).</summary>
    /// <param name="history">What <c>Fit</c> returned.</param>
    /// <param name="path">The file to write, usually <c>*.svg</c>.</param>
    /// <param name="title">A heading over the panels, or null.</param>
    public static void Write(History history, string path, string? title = null)
    {
        byte[] svg = Encoding.UTF8.GetBytes(ToSvg(history, title));
        Saving.AtomicFile.Write(path, stream => stream.Write(svg));
    }

    /// <summary>The metrics in Keras's log order, loss first: each logged key without its <c>val_</c> prefix, once.</summary>
    private static List<string> Metrics(History history)
    {
        var metrics = new List<string>();
        foreach (string key in history.Keys)
        {
            string metric = key.StartsWith("val_", StringComparison.Ordinal) ? key.Substring(4) : key;
            if (!metrics.Contains(metric))
            {
                metrics.Add(metric);
            }
        }

        metrics.Sort((a, b) => (a == "loss" ? 0 : 1).CompareTo(b == "loss" ? 0 : 1));
        return metrics;
    }

    private static void Panel(SvgDocument svg, History history, string metric, double x0, double y0)
    {
        var series = new List<(string Key, double[] X, double[] Y, int Style)>();
        foreach ((string key, int style) in new[] { (metric, 0), ("val_" + metric, 1) })
        {
            if (history.Values.TryGetValue(key, out List<double>? values) && values.Count > 0)
            {
                series.Add((key, Epochs(history, values.Count), values.ToArray(), style));
            }
        }

        double[] finite = series.SelectMany(s => s.Y).Where(double.IsFinite).ToArray();
        NiceScale yScale = NiceScale.For(finite.Length == 0 ? 0 : finite.Min(), finite.Length == 0 ? 1 : finite.Max());
        NiceScale xScale = NiceScale.For(1, Math.Max(2, series.Max(s => s.X.Max())), 6);
        xScale = xScale with { Min = Math.Max(xScale.Min, 0), Step = Math.Max(1, Math.Round(xScale.Step)) };
        double plotLeft = x0 + Left, plotTop = y0 + Top, plotWidth = PanelWidth - Left - Right, plotHeight = PanelHeight - Top - Bottom;
        double X(double epoch) => plotLeft + ((epoch - xScale.Min) / (xScale.Max - xScale.Min) * plotWidth);
        double Y(double value) => plotTop + plotHeight - ((value - yScale.Min) / (yScale.Max - yScale.Min) * plotHeight);

        svg.Open("g", "class", "panel", "id", "panel-" + metric);
        svg.Text(x0 + (PanelWidth / 2), y0 + 22, metric, 15, "middle", "class", "panel-title", "font-weight", "bold");
        Axes(svg, xScale, yScale, X, Y, plotLeft, plotTop, plotWidth, plotHeight);
        foreach (var s in series)
        {
            (string color, string dash, string kind) = Styles[s.Style];
            string points = string.Join(" ", s.X.Zip(s.Y).Where(p => double.IsFinite(p.Second)).Select(p => SvgDocument.Number(X(p.First)) + "," + SvgDocument.Number(Y(p.Second))));
            svg.Empty("polyline", "class", "series " + kind, "data-key", s.Key, "points", points, "fill", "none", "stroke", color, "stroke-width", "2", "stroke-dasharray", dash);
            for (int i = 0; i < s.X.Length; i++)
            {
                if (double.IsFinite(s.Y[i]))
                {
                    svg.Empty("circle", "class", "point", "data-key", s.Key, "cx", SvgDocument.Number(X(s.X[i])), "cy", SvgDocument.Number(Y(s.Y[i])), "r", "2.5", "fill", color);
                }
            }
        }

        // The legend goes in the right-hand corner that hides fewer points (curves that rise end high).
        var entries = series.Select(s => (s.Key, s.Style)).ToList();
        double legendHeight = 8 + (16 * entries.Count), legendWidth = LegendWidth(entries);
        int Hidden(double top) => series.Sum(s => s.X.Zip(s.Y).Count(p => X(p.First) >= plotLeft + plotWidth - 8 - legendWidth && Y(p.Second) >= top && Y(p.Second) <= top + legendHeight));
        double upper = plotTop + 8, lower = plotTop + plotHeight - 8 - legendHeight;
        Legend(svg, entries, plotLeft + plotWidth - 8, Hidden(lower) < Hidden(upper) ? lower : upper);
        svg.Close("g");
    }

    /// <summary>
    /// The epoch of each value (1-based, as Keras's progress line counts). A series shorter than
    /// the epochs (validation every k epochs) sits at epochs k, 2k, ..., k = epochs / count.
    /// </summary>
    private static double[] Epochs(History history, int count)
    {
        IReadOnlyList<int> epochs = history.Epoch;
        if (count == epochs.Count)
        {
            return epochs.Select(e => (double)e + 1).ToArray();
        }

        int every = Math.Max(1, epochs.Count / count), first = epochs.Count == 0 ? 0 : epochs[0];
        return Enumerable.Range(1, count).Select(i => (double)first + (i * every)).ToArray();
    }

    private static void Axes(SvgDocument svg, NiceScale xScale, NiceScale yScale, Func<double, double> x, Func<double, double> y, double left, double top, double width, double height)
    {
        svg.Empty("rect", "class", "plot-area", "x", SvgDocument.Number(left), "y", SvgDocument.Number(top), "width", SvgDocument.Number(width), "height", SvgDocument.Number(height), "fill", "none", "stroke", "#444");
        foreach (double v in yScale.Ticks())
        {
            svg.Empty("line", "class", "grid", "x1", SvgDocument.Number(left), "x2", SvgDocument.Number(left + width), "y1", SvgDocument.Number(y(v)), "y2", SvgDocument.Number(y(v)), "stroke", "#ddd");
            svg.Text(left - 6, y(v) + 4, yScale.Label(v), 11, "end", "class", "y-tick");
        }

        foreach (double v in xScale.Ticks())
        {
            svg.Empty("line", "class", "tick", "x1", SvgDocument.Number(x(v)), "x2", SvgDocument.Number(x(v)), "y1", SvgDocument.Number(top + height), "y2", SvgDocument.Number(top + height + 4), "stroke", "#444");
            svg.Text(x(v), top + height + 17, xScale.Label(v), 11, "middle", "class", "x-tick");
        }

        svg.Text(left + (width / 2), top + height + 36, "epoch", 12, "middle", "class", "x-label");
    }

    private static double LegendWidth(List<(string Key, int Style)> entries) => entries.Count == 0 ? 0 : entries.Max(e => SvgDocument.TextWidth(e.Key, 11)) + 40;

    private static void Legend(SvgDocument svg, List<(string Key, int Style)> entries, double right, double top)
    {
        double width = LegendWidth(entries);
        svg.Open("g", "class", "legend");
        svg.Empty("rect", "x", SvgDocument.Number(right - width), "y", SvgDocument.Number(top), "width", SvgDocument.Number(width), "height", SvgDocument.Number(8 + (16 * entries.Count)), "fill", "white", "fill-opacity", "0.85", "stroke", "#bbb");
        for (int i = 0; i < entries.Count; i++)
        {
            (string color, string dash, _) = Styles[entries[i].Style];
            double y = top + 13 + (16 * i);
            svg.Empty("line", "x1", SvgDocument.Number(right - width + 6), "x2", SvgDocument.Number(right - width + 28), "y1", SvgDocument.Number(y), "y2", SvgDocument.Number(y), "stroke", color, "stroke-width", "2", "stroke-dasharray", dash);
            svg.Text(right - width + 33, y + 4, entries[i].Key, 11, "start", "class", "legend-label");
        }

        svg.Close("g");
    }
}
