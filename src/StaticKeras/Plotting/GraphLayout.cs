using System;
using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Plotting;

/// <summary>
/// Places a model's layers for drawing, top to bottom as Graphviz's <c>dot</c> (which Keras's
/// <c>plot_model</c> uses) would: each layer one row below its deepest input, the rows centred.
/// </summary>
internal sealed class GraphLayout
{
    private const double RowGap = 56, ColumnGap = 36, Margin = 44;

    private GraphLayout(List<Box> boxes, double width, double height)
    {
        Boxes = boxes;
        Width = width;
        Height = height;
    }

    /// <summary>Each layer's box, in declaration order.</summary>
    public IReadOnlyList<Box> Boxes { get; }

    /// <summary>The drawing's width.</summary>
    public double Width { get; }

    /// <summary>The drawing's height.</summary>
    public double Height { get; }

    /// <summary>Lays out layers of the given sizes.</summary>
    /// <param name="layers">The layers, in declaration order.</param>
    /// <param name="size">Each layer's box width and height.</param>
    public static GraphLayout Of(IReadOnlyList<LayerDescription> layers, Func<LayerDescription, (double Width, double Height)> size)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < layers.Count; i++)
        {
            index[layers[i].Name] = i;
        }

        int[] rank = Ranks(layers, index);
        int rows = rank.Length == 0 ? 0 : rank.Max() + 1;
        var sizes = layers.Select(size).ToArray();
        double[] rowWidth = new double[rows], rowHeight = new double[rows];
        for (int i = 0; i < layers.Count; i++)
        {
            rowWidth[rank[i]] += sizes[i].Width + (rowWidth[rank[i]] > 0 ? ColumnGap : 0);
            rowHeight[rank[i]] = Math.Max(rowHeight[rank[i]], sizes[i].Height);
        }

        double width = (rows == 0 ? 0 : rowWidth.Max()) + (2 * Margin);
        var boxes = new List<Box>(layers.Count);
        double[] nextX = rowWidth.Select(w => (width - w) / 2).ToArray();
        double[] top = new double[rows];
        for (int r = 1; r < rows; r++)
        {
            top[r] = top[r - 1] + rowHeight[r - 1] + RowGap;
        }

        for (int i = 0; i < layers.Count; i++)
        {
            int r = rank[i];
            boxes.Add(new Box(layers[i], nextX[r], Margin + top[r], sizes[i].Width, sizes[i].Height, r));
            nextX[r] += sizes[i].Width + ColumnGap;
        }

        double height = rows == 0 ? 2 * Margin : top[rows - 1] + rowHeight[rows - 1] + (2 * Margin);
        return new GraphLayout(boxes, width, height);
    }

    /// <summary>The row of each layer: 0 for inputs, else one below its deepest input.</summary>
    private static int[] Ranks(IReadOnlyList<LayerDescription> layers, Dictionary<string, int> index)
    {
        var rank = new int[layers.Count];
        var state = new int[layers.Count]; // 0 new, 1 in progress, 2 done
        int Visit(int i)
        {
            if (state[i] == 2 || state[i] == 1)
            {
                return rank[i];
            }

            state[i] = 1;
            int r = 0;
            foreach (string input in layers[i].Inputs)
            {
                r = index.TryGetValue(input, out int j) ? Math.Max(r, Visit(j) + 1) : r;
            }

            state[i] = 2;
            return rank[i] = r;
        }

        for (int i = 0; i < layers.Count; i++)
        {
            Visit(i);
        }

        return rank;
    }

    /// <summary>Where one layer is drawn.</summary>
    internal sealed record Box(LayerDescription Layer, double X, double Y, double Width, double Height, int Row)
    {
        public double CenterX => X + (Width / 2);

        public double Bottom => Y + Height;
    }
}
