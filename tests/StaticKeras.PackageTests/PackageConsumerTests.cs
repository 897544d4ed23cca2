using System.Globalization;
using System.Text.RegularExpressions;

namespace StaticKeras.PackageTests;

/// <summary>
/// A user's view of the package: a new project that references only StaticKeras gets the
/// generator (the model trains and predicts) and the analyzers (a shape mismatch is a build
/// error on the attribute at fault), from `dotnet build` alone.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class PackageConsumerTests(PackageFeed feed)
{
    private const string Program = """
        using StaticKeras;

        float[] x = [0, 0, 0, 1, 1, 0, 1, 1];
        float[] y = [0, 1, 1, 0];
        var model = new Residual(seed: 1);
        model.Compile(optimizer: new Adam(learningRate: 0.05f), loss: Losses.BinaryCrossentropy, metrics: [Metrics.Accuracy]);
        double before = model.Evaluate(x, y, verbose: 0)["loss"];
        model.Fit(x, y, epochs: 200, batchSize: 4, verbose: 0);
        double after = model.Evaluate(x, y, verbose: 0)["loss"];
        float[] p = model.Predict(x);
        Console.WriteLine($"loss {before:0.0000} -> {after:0.0000}; predictions {string.Join(" ", p.Select(v => v.ToString("0.00")))}");

        [Input(2, Name = "x")]
        [Dense(2, Name = "h", Activation = Activation.Tanh)]
        [Add("x", "h")]
        [Dense(1, Activation = Activation.Sigmoid)]
        public partial class Residual;
        """;

    [Fact]
    public void A_model_builds_and_trains_then_a_shape_mismatch_fails_the_build_on_its_line()
    {
        var project = ConsumerProject.Create(feed, "Consumer", Program);
        CommandResult build = project.Build().EnsureSuccess();
        Assert.Contains("0 Warning(s)", build.Output);

        string output = project.Run().EnsureSuccess().Output;
        Match result = Regex.Match(output, @"loss (\d+\.\d+) -> (\d+\.\d+); predictions( \d\.\d\d){4}");
        Assert.True(result.Success, output);
        Assert.True(double.Parse(result.Groups[2].Value, CultureInfo.InvariantCulture) < double.Parse(result.Groups[1].Value, CultureInfo.InvariantCulture), output);

        // Dense(3) cannot be added to the 2-wide input: SK1001 on the [Add] line, from the packaged analyzer.
        string broken = Program.Replace("[Dense(2, Name = \"h\"", "[Dense(3, Name = \"h\"");
        project.Write(broken);
        CommandResult failed = project.Build();
        Assert.NotEqual(0, failed.ExitCode);
        int addLine = Array.FindIndex(broken.Split('\n'), l => l.StartsWith("[Add(", StringComparison.Ordinal)) + 1;
        Match error = Regex.Match(failed.Output, @"Program\.cs\((\d+),(\d+)\): error (SK\d{4}): (.*)");
        Assert.True(error.Success, failed.Output);
        Assert.Equal("SK1001", error.Groups[3].Value);
        Assert.Equal(addLine, int.Parse(error.Groups[1].Value));
        Assert.Contains("'x' is (None, 2) and 'h' is (None, 3)", error.Groups[4].Value);

        // The analyzer's error stands alone: the generator emits compilable stubs, so no CS errors pile on.
        Assert.DoesNotMatch(@"error CS\d{4}", failed.Output);
    }
}
