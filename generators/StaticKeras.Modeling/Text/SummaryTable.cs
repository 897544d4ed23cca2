using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Text;

/// <summary>
/// Renders Keras's <c>model.summary()</c> layer table as Keras 3 prints it through rich: 88
/// columns split at 45% and 80% for sequential models, 108 columns with <c>Connected to</c> for
/// graphs. Rendered at compile time (for <c>Summary()</c> and the class's XML documentation).
/// </summary>
internal static class SummaryTable
{
    /// <summary>The table (heavy header, a rule between rows), each line ending with <c>\n</c>.</summary>
    public static string Render(ModelGraph graph)
    {
        bool sequential = graph.IsSequential;
        int lineLength = sequential ? 88 : 108;
        double[] positions = sequential ? new[] { 0.45, 0.80, 1.0 } : new[] { 0.3, 0.56, 0.74, 1.0 };
        string[] header = sequential
            ? new[] { "Layer (type)", "Output Shape", "Param #" }
            : new[] { "Layer (type)", "Output Shape", "Param #", "Connected to" };
        bool[] rightAligned = header.Select(h => h == "Param #").ToArray();
        int[] widths = ColumnWidths(positions, lineLength);

        var rows = new List<string[]>();
        foreach (TopLevelLayer layer in TopLevelLayers.Of(graph))
        {
            if (sequential && layer.Inputs.Count == 0)
            {
                continue; // Keras's Sequential does not list its InputLayer.
            }

            var cells = new List<string> { layer.Name + " (" + layer.ClassName + ")", layer.OutputShape.ToString(), layer.Parameters.ToString("N0", CultureInfo.InvariantCulture) };
            if (!sequential)
            {
                cells.Add(layer.Inputs.Count == 0 ? "-" : string.Join(", ", layer.Inputs.Select(n => n + "[0][0]")));
            }

            rows.Add(cells.ToArray());
        }

        var sb = new StringBuilder();
        sb.Append(Rule('┏', '━', '┳', '┓', widths));
        AppendRow(sb, header, widths, rightAligned, '┃');
        sb.Append(Rule('┡', '━', '╇', '┩', widths));
        for (int r = 0; r < rows.Count; r++)
        {
            if (r > 0)
            {
                sb.Append(Rule('├', '─', '┼', '┤', widths));
            }

            AppendRow(sb, rows[r], widths, rightAligned, '│');
        }

        sb.Append(Rule('└', '─', '┴', '┘', widths));
        return sb.ToString();
    }

    /// <summary>
    /// Keras asks rich for columns of <c>int(pos·L) − previous</c> characters plus one space of
    /// padding each side, in a table of <c>L</c>; rich then takes the excess off evenly
    /// (<c>ratio_reduce</c>). The result is each column's width including its padding.
    /// </summary>
    internal static int[] ColumnWidths(double[] positions, int lineLength)
    {
        var widths = new int[positions.Length];
        int current = 0;
        for (int i = 0; i < positions.Length; i++)
        {
            int end = (int)(positions[i] * lineLength);
            widths[i] = end - current + 2;
            current = end;
        }

        int excess = widths.Sum() - (lineLength - (positions.Length + 1));
        int remainingRatio = widths.Length;
        for (int i = 0; i < widths.Length && excess > 0; i++)
        {
            int take = Math.Min(widths[i], RoundHalfEven((double)excess / remainingRatio));
            widths[i] -= take;
            excess -= take;
            remainingRatio--;
        }

        return widths;
    }

    private static int RoundHalfEven(double value) => (int)Math.Round(value, MidpointRounding.ToEven);

    private static string Rule(char left, char fill, char cross, char right, int[] widths) =>
        left + string.Join(cross.ToString(), widths.Select(w => new string(fill, w))) + right + "\n";

    private static void AppendRow(StringBuilder sb, string[] cells, int[] widths, bool[] rightAligned, char border)
    {
        List<string>[] wrapped = cells.Select((c, i) => Wrap(c, widths[i] - 2)).ToArray();
        int height = wrapped.Max(w => w.Count);
        for (int line = 0; line < height; line++)
        {
            sb.Append(border);
            for (int i = 0; i < cells.Length; i++)
            {
                string text = line < wrapped[i].Count ? wrapped[i][line] : string.Empty;
                int inner = widths[i] - 2;
                sb.Append(' ').Append(rightAligned[i] ? text.PadLeft(inner) : text.PadRight(inner)).Append(' ').Append(border);
            }

            sb.Append('\n');
        }
    }

    /// <summary>Word-wraps a cell as rich does: at spaces, breaking words longer than the width.</summary>
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (string word in text.Split(' '))
        {
            string piece = word;
            if (current.Length > 0 && current.Length + 1 + piece.Length > width)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            while (piece.Length > width)
            {
                if (current.Length > 0)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                }

                lines.Add(piece.Substring(0, width));
                piece = piece.Substring(width);
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(piece);
        }

        lines.Add(current.ToString());
        return lines;
    }
}
