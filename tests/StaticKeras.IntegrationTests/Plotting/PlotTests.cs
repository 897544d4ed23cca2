using System.Globalization;
using System.Xml.Linq;
using StaticKeras.IntegrationTests.TestModels;
using StaticKeras.Plotting;
using StaticKeras.Testing;

namespace StaticKeras.IntegrationTests.Plotting;

/// <summary>The SVG pictures, parsed as XML: the history's panels, series and labels; the model graph's boxes, shapes and arrows.</summary>
public sealed class PlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static IEnumerable<XElement> WithClass(XElement root, string name, string cls) =>
        root.Descendants(Svg + name).Where(e => ((string?)e.Attribute("class") ?? string.Empty).Split(' ').Contains(cls));

    private static History TrainedHistory()
    {
        var model = new Residual(seed: 1);
        model.Compile(new Adam(0.05f), Losses.BinaryCrossentropy, [Metrics.BinaryAccuracy]);
        float[] x = FiniteDifferences.Random(40 * 2, 3);
        float[] y = Enumerable.Range(0, 40).Select(i => x[2 * i] > 0 ? 1f : 0f).ToArray();
        return model.Fit(x, y, epochs: 4, batchSize: 8, validationSplit: 0.25f, verbose: 0);
    }

    [Fact]
    public void History_has_a_panel_per_metric_with_train_and_validation_series_per_epoch()
    {
        History history = TrainedHistory();
        XElement svg = XElement.Parse(history.ToSvg("Residual"));
        Assert.Equal("Residual", WithClass(svg, "text", "heading").Single().Value);
        var panels = WithClass(svg, "g", "panel").ToList();
        Assert.Equal(["panel-loss", "panel-binary_accuracy"], panels.Select(p => (string)p.Attribute("id")!));
        foreach (XElement panel in panels)
        {
            string metric = ((string)panel.Attribute("id")!)["panel-".Length..];
            Assert.Equal(metric, WithClass(panel, "text", "panel-title").Single().Value);
            var series = WithClass(panel, "polyline", "series").ToList();
            Assert.Equal([metric, "val_" + metric], series.Select(s => (string)s.Attribute("data-key")!));
            Assert.Equal(["none", "6 4"], series.Select(s => (string)s.Attribute("stroke-dasharray")!));
            Assert.All(series, s => Assert.Equal(4, ((string)s.Attribute("points")!).Split(' ').Length));
            Assert.Equal([metric, "val_" + metric], panel.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "legend-label").Select(t => t.Value));
            Assert.Equal(8, panel.Descendants(Svg + "circle").Count());
            Assert.Contains("epoch", panel.Descendants(Svg + "text").Select(t => t.Value));
            Assert.Contains("4", WithClass(panel, "text", "x-tick").Select(t => t.Value));
        }
    }

    [Fact]
    public void History_points_sit_where_their_values_are()
    {
        History history = TrainedHistory();
        XElement loss = WithClass(XElement.Parse(history.ToSvg()), "polyline", "series").First(s => (string)s.Attribute("data-key")! == "loss");
        double[] ys = ((string)loss.Attribute("points")!).Split(' ').Select(p => double.Parse(p.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        double[] xs = ((string)loss.Attribute("points")!).Split(' ').Select(p => double.Parse(p.Split(',')[0], CultureInfo.InvariantCulture)).ToArray();
        IReadOnlyList<double> values = history["loss"];
        Assert.True(xs.Zip(xs.Skip(1)).All(p => p.Second > p.First), "epochs run left to right");
        for (int i = 0; i + 1 < values.Count; i++)
        {
            // SVG's y grows downwards: a larger loss is drawn higher.
            Assert.Equal(Math.Sign(values[i + 1] - values[i]), Math.Sign(ys[i] - ys[i + 1]));
        }
    }

    [Fact]
    public void An_empty_history_says_so()
    {
        XElement svg = XElement.Parse(new History().ToSvg());
        Assert.Contains("No epochs were recorded.", svg.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Model_graph_shows_every_layer_with_its_shapes_and_an_arrow_per_input()
    {
        XElement svg = XElement.Parse(ModelPlot.ToSvg(new Residual(seed: 1).Definition));
        var layers = WithClass(svg, "g", "layer").ToList();
        Assert.Equal(["x (InputLayer)", "h (Dense)", "add (Add)", "dense (Dense)"], layers.Select(l => WithClass(l, "text", "layer-title").Single().Value));
        string[] Cells(string name) => WithClass(layers.Single(l => (string)l.Attribute("data-name")! == name), "text", "cell-text").Select(t => t.Value).ToArray();
        Assert.Equal(["Output shape: (None, 2)"], Cells("x"));
        Assert.Equal(["Input shape: [(None, 2), (None, 2)]", "Output shape: (None, 2)"], Cells("add"));
        Assert.Equal(["Input shape: (None, 2)", "Output shape: (None, 1)"], Cells("dense"));
        Assert.Equal(["add>dense", "h>add", "x>add", "x>h"], WithClass(svg, "path", "edge").Select(e => $"{e.Attribute("data-from")!.Value}>{e.Attribute("data-to")!.Value}").Order());
        double Top(string name) => double.Parse((string)layers.Single(l => (string)l.Attribute("data-name")! == name).Element(Svg + "rect")!.Attribute("y")!, CultureInfo.InvariantCulture);
        Assert.True(Top("x") < Top("h") && Top("h") < Top("add") && Top("add") < Top("dense"), "each layer is drawn below its inputs");
    }

    [Fact]
    public void Blocks_are_one_box_and_options_drop_shapes_and_names()
    {
        Model model = new PlotBlocks(seed: 1);
        XElement svg = XElement.Parse(ModelPlot.ToSvg(model.Definition, showShapes: false, showLayerNames: false, showParameters: true));
        var titles = WithClass(svg, "text", "layer-title").Select(t => t.Value).ToList();
        Assert.Equal(["InputLayer", "PlotBlock", "PlotBlock", "Concatenate", "Dense"], titles);
        Assert.Equal(["Params: 0", "Params: 20", "Params: 20", "Params: 0", "Params: 18"], WithClass(svg, "text", "cell-text").Select(t => t.Value));
        Assert.Contains(WithClass(svg, "path", "edge"), e => (string)e.Attribute("data-from")! == "features" && (string)e.Attribute("data-to")! == "joined");
        Assert.Equal("PlotBlocks", svg.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Pictures_are_written_whole_to_their_files()
    {
        string directory = Directory.CreateTempSubdirectory().FullName;
        var model = new Residual(seed: 2);
        ModelPlot.PlotModel(model, Path.Combine(directory, "model.svg"));
        TrainedHistory().WriteSvg(Path.Combine(directory, "history.svg"), "Residual");
        Assert.Equal(["history.svg", "model.svg"], Directory.GetFiles(directory).Select(Path.GetFileName).Order());
        Assert.Equal("svg", XElement.Load(Path.Combine(directory, "model.svg")).Name.LocalName);
        Assert.Equal("svg", XElement.Load(Path.Combine(directory, "history.svg")).Name.LocalName);
        Directory.Delete(directory, recursive: true);
    }
}
