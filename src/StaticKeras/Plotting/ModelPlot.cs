using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace StaticKeras.Plotting;

/// <summary>
/// Keras's <c>keras.utils.plot_model(model, show_shapes=True)</c> (keras/src/utils/model_visualization.py)
/// as SVG, from the compile-time graph (<see cref="ModelDefinition.Layers"/>): one box per layer
/// with a black header <c>name (ClassName)</c> and, with shapes, the cells <c>Input shape</c> and
/// <c>Output shape</c>; arrows from each layer to the layers that read it. No Graphviz, no native code.
/// </summary>
public static class ModelPlot
{
    private const double HeaderSize = 14, CellSize = 12, Padding = 10, HeaderHeight = 30, CellHeight = 26;

    /// <summary>Writes the model's graph to an SVG file (whole or not at all), as Keras's <c>plot_model(model, to_file)</c>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="path">The file, usually <c>model.svg</c>.</param>
    /// <param name="showShapes">Show each layer's input and output shapes (Keras's <c>show_shapes</c>); true by default, as the picture is most useful with them.</param>
    /// <param name="showLayerNames">Show each layer's name before its class (Keras's <c>show_layer_names</c>).</param>
    /// <param name="showParameters">Add each layer's parameter count (a StaticKeras extra; Keras's plot has none).</param>
    public static void PlotModel(Model model, string path, bool showShapes = true, bool showLayerNames = true, bool showParameters = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        byte[] svg = Encoding.UTF8.GetBytes(ToSvg(model.Definition, showShapes, showLayerNames, showParameters));
        Saving.AtomicFile.Write(path, stream => stream.Write(svg));
    }

    /// <summary>The model's graph as an SVG document.</summary>
    /// <param name="definition">The model's compile-time definition (<c>model.Definition</c>).</param>
    /// <param name="showShapes">Show each layer's input and output shapes.</param>
    /// <param name="showLayerNames">Show each layer's name before its class.</param>
    /// <param name="showParameters">Add each layer's parameter count.</param>
    public static string ToSvg(ModelDefinition definition, bool showShapes = true, bool showLayerNames = true, bool showParameters = false)
    {
        ArgumentNullException.ThrowIfNull(definition);
        IReadOnlyList<LayerDescription> layers = definition.Layers;
        var byName = layers.ToDictionary(l => l.Name, StringComparer.Ordinal);
        string[] Cells(LayerDescription l) => CellTexts(l, byName, showShapes, showParameters);
        string Header(LayerDescription l) => showLayerNames ? $"{l.Name} ({l.ClassName})" : l.ClassName;
        GraphLayout layout = GraphLayout.Of(layers, l => Size(Header(l), Cells(l)));
        var svg = new SvgDocument(layout.Width, layout.Height, definition.Name);
        svg.Open("defs");
        svg.Open("marker", "id", "arrow", "viewBox", "0 0 10 10", "refX", "9", "refY", "5", "markerWidth", "8", "markerHeight", "8", "orient", "auto-start-reverse");
        svg.Empty("path", "d", "M 0 0 L 10 5 L 0 10 z", "fill", "#333");
        svg.Close("marker");
        svg.Close("defs");
        var boxes = layout.Boxes.ToDictionary(b => b.Layer.Name, StringComparer.Ordinal);
        foreach (GraphLayout.Box box in layout.Boxes)
        {
            Edges(svg, box, boxes, layout);
        }

        foreach (GraphLayout.Box box in layout.Boxes)
        {
            Layer(svg, box, Header(box.Layer), Cells(box.Layer));
        }

        return svg.ToString();
    }

    /// <summary>The second row's cells: Keras's <c>Input shape</c> (not for an input) and <c>Output shape</c>, and the parameters when asked.</summary>
    private static string[] CellTexts(LayerDescription layer, Dictionary<string, LayerDescription> byName, bool showShapes, bool showParameters)
    {
        var cells = new List<string>();
        if (showShapes)
        {
            if (layer.Inputs.Length > 0)
            {
                string[] inputs = layer.Inputs.Select(i => byName.TryGetValue(i, out LayerDescription? d) ? ModelDefinition.FormatShape(d.OutputShape, "None") : "?").ToArray();
                cells.Add("Input shape: " + (inputs.Length == 1 ? inputs[0] : "[" + string.Join(", ", inputs) + "]"));
            }

            cells.Add("Output shape: " + ModelDefinition.FormatShape(layer.OutputShape, "None"));
        }

        if (showParameters)
        {
            cells.Add("Params: " + layer.Parameters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }

        return [.. cells];
    }

    private static (double Width, double Height) Size(string header, string[] cells)
    {
        double headerWidth = SvgDocument.TextWidth(header, HeaderSize) + (2 * Padding);
        double cellsWidth = cells.Sum(c => SvgDocument.TextWidth(c, CellSize) + (2 * Padding));
        return (Math.Max(headerWidth, cellsWidth), HeaderHeight + (cells.Length > 0 ? CellHeight : 0));
    }

    private static void Layer(SvgDocument svg, GraphLayout.Box box, string header, string[] cells)
    {
        LayerDescription l = box.Layer;
        svg.Open("g", "class", "layer", "id", "layer-" + l.Name, "data-name", l.Name, "data-class", l.ClassName);
        svg.Empty("rect", "class", "header", "x", SvgDocument.Number(box.X), "y", SvgDocument.Number(box.Y), "width", SvgDocument.Number(box.Width), "height", SvgDocument.Number(HeaderHeight), "fill", "black");
        svg.Text(box.CenterX, box.Y + 20, header, HeaderSize, "middle", "class", "layer-title", "fill", "white", "font-weight", "bold");
        double total = cells.Sum(c => SvgDocument.TextWidth(c, CellSize) + (2 * Padding));
        double x = box.X, y = box.Y + HeaderHeight;
        foreach (string cell in cells)
        {
            // Cells share the box's width in proportion to their text, as an HTML table row would.
            double width = (SvgDocument.TextWidth(cell, CellSize) + (2 * Padding)) / total * box.Width;
            svg.Empty("rect", "class", "cell", "x", SvgDocument.Number(x), "y", SvgDocument.Number(y), "width", SvgDocument.Number(width), "height", SvgDocument.Number(CellHeight), "fill", "white", "stroke", "black");
            svg.Text(x + (width / 2), y + 17, cell, CellSize, "middle", "class", "cell-text");
            x += width;
        }

        svg.Close("g");
    }

    /// <summary>
    /// Arrows into <paramref name="box"/> from each of its inputs, ending along its top edge in the
    /// order their sources stand (so arrows do not cross there). An arrow that skips rows leaves
    /// through the gap below its source, runs down beside the boxes between, and comes back in the
    /// gap above its target.
    /// </summary>
    private static void Edges(SvgDocument svg, GraphLayout.Box box, Dictionary<string, GraphLayout.Box> boxes, GraphLayout layout)
    {
        var sources = box.Layer.Inputs.Where(boxes.ContainsKey).Select(i => boxes[i]).ToList();
        var order = sources.Select((from, k) => (From: from, Route: from.Row < box.Row - 1 ? Side(from, box, layout) : 0, k))
            .OrderBy(s => s.Route).ThenBy(s => s.From.CenterX).ThenBy(s => s.k).ToList();
        for (int k = 0; k < order.Count; k++)
        {
            GraphLayout.Box from = order[k].From;
            double x2 = box.X + (box.Width * (k + 1) / (order.Count + 1)), y2 = box.Y;
            double x1 = from.CenterX, y1 = from.Bottom;
            string d;
            if (box.Row - from.Row <= 1)
            {
                double bend = (y2 - y1) / 2;
                d = $"M {N(x1)} {N(y1)} C {N(x1)} {N(y1 + bend)}, {N(x2)} {N(y2 - bend)}, {N(x2)} {N(y2)}";
            }
            else
            {
                double side = order[k].Route;
                double xOut = layout.Boxes.Where(b => b.Row > from.Row && b.Row < box.Row).Select(b => side > 0 ? b.X + b.Width : b.X).Aggregate((a, b) => side > 0 ? Math.Max(a, b) : Math.Min(a, b)) + (side * 24);
                d = $"M {N(x1)} {N(y1)} C {N(x1)} {N(y1 + 20)}, {N(xOut)} {N(y1 + 8)}, {N(xOut)} {N(y1 + 28)} "
                    + $"L {N(xOut)} {N(y2 - 28)} C {N(xOut)} {N(y2 - 8)}, {N(x2)} {N(y2 - 20)}, {N(x2)} {N(y2)}";
            }

            svg.Empty("path", "class", "edge", "data-from", from.Layer.Name, "data-to", box.Layer.Name, "d", d, "fill", "none", "stroke", "#333", "stroke-width", "1.5", "marker-end", "url(#arrow)");
        }
    }

    /// <summary>Which side a long arrow passes the rows between on: the side of the drawing its source is on (+1 right, −1 left).</summary>
    private static double Side(GraphLayout.Box from, GraphLayout.Box to, GraphLayout layout) =>
        (from.CenterX + to.CenterX) / 2 >= layout.Width / 2 ? 1 : -1;

    private static string N(double value) => SvgDocument.Number(value);
}
