using System.Globalization;
using System.Text.RegularExpressions;

namespace StaticKeras.PackageTests;

/// <summary>
/// A user's view of the package: a new project that references only StaticKeras gets the
/// generator (the models train and predict, a user layer, activation and block among them) and
/// the analyzers (a shape mismatch, also one after a user layer, is a build error on the
/// attribute at fault), from `dotnet build` alone.
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

        // A user layer, a user activation and a block, from the package alone.
        var deep = new Deep(seed: 2);
        deep.Compile(optimizer: new Adam(learningRate: 0.05f), loss: Losses.BinaryCrossentropy);
        double deepBefore = deep.Evaluate(x, y, verbose: 0)["loss"];
        deep.Fit(x, y, epochs: 100, batchSize: 4, verbose: 0);
        Console.WriteLine($"deep loss {deepBefore:0.0000} -> {deep.Evaluate(x, y, verbose: 0)["loss"]:0.0000}; gradient check {(GradientCheck.Run(deep, x, y).Passed ? "passed" : "failed")}");

        [Input(2, Name = "x")]
        [Dense(2, Name = "h", Activation = Activation.Tanh)]
        [Add("x", "h")]
        [Dense(1, Activation = Activation.Sigmoid)]
        public partial class Residual;

        [LayerShape("(*, d) -> (*, d)")]
        [LayerWeight("scale", "(d)", Initializer = "ones")]
        public sealed class Scale : ILayer
        {
            public static void Forward(in LayerContext c, ReadOnlySpan<float> x, Span<float> y)
            {
                int d = c.InputShape[^1];
                for (int i = 0; i < x.Length; i++) y[i] = x[i] * c.Weight(0)[i % d];
            }

            public static void Backward(in LayerContext c, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
            {
                int d = c.InputShape[^1];
                Span<float> ds = c.WeightGradient(0);
                ds.Clear();
                for (int i = 0; i < x.Length; i++)
                {
                    ds[i % d] += dy[i] * x[i];
                    if (!dx.IsEmpty) dx[i] = dy[i] * c.Weight(0)[i % d];
                }
            }
        }

        [KerasActivation("squareplus", Derivative = ActivationDerivative.FromInput)]
        public readonly struct Squareplus : IActivation
        {
            public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength)
            {
                for (int i = 0; i < x.Length; i++) y[i] = 0.5f * (x[i] + MathF.Sqrt((x[i] * x[i]) + 4f));
            }

            public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
            {
                for (int i = 0; i < dy.Length; i++) dx[i] = dy[i] * 0.5f * (1f + (x[i] / MathF.Sqrt((x[i] * x[i]) + 4f)));
            }
        }

        [Input(8, Name = "x")]
        [Dense(8, Name = "h", Activation = typeof(Squareplus))]
        [Add("x", "h")]
        public partial class Block8;

        [Input(2)]
        [Dense(8)]
        [Layer<Scale>(Name = "scale")]
        [Block<Block8>]
        [Dense(1, Activation = Activation.Sigmoid)]
        public partial class Deep;
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
        Match deep = Regex.Match(output, @"deep loss (\d+\.\d+) -> (\d+\.\d+); gradient check passed");
        Assert.True(deep.Success, output);
        Assert.True(double.Parse(deep.Groups[2].Value, CultureInfo.InvariantCulture) < double.Parse(deep.Groups[1].Value, CultureInfo.InvariantCulture), output);

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

        // After the user layer the shape is known at compile time too: the block needs 8, Dense(5) gives 5.
        string afterUserLayer = Program.Replace("[Dense(8)]\n[Layer<Scale>", "[Dense(5)]\n[Layer<Scale>");
        Assert.NotEqual(Program, afterUserLayer);
        project.Write(afterUserLayer);
        CommandResult mismatch = project.Build();
        Assert.NotEqual(0, mismatch.ExitCode);
        int blockLine = Array.FindIndex(afterUserLayer.Split('\n'), l => l.StartsWith("[Block<Block8>]", StringComparison.Ordinal)) + 1;
        Match blockError = Regex.Match(mismatch.Output, @"Program\.cs\((\d+),(\d+)\): error (SK\d{4}): (.*)");
        Assert.True(blockError.Success, mismatch.Output);
        Assert.Equal(("SK1004", blockLine), (blockError.Groups[3].Value, int.Parse(blockError.Groups[1].Value, CultureInfo.InvariantCulture)));
        Assert.Contains("takes (None, 8) (its [Input]) but 'scale' is (None, 5)", blockError.Groups[4].Value);
        Assert.DoesNotMatch(@"error CS\d{4}", mismatch.Output);
    }
}
