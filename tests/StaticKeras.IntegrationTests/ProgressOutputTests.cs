using System.Text.RegularExpressions;
using StaticKeras.IntegrationTests.TestModels;
using StaticKeras.Testing;

namespace StaticKeras.IntegrationTests;

/// <summary>Tests that capture the console run one at a time.</summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>
/// Fit's output is Keras's: <c>Epoch 1/3</c>, then one progress line per epoch when output is
/// redirected (as under the test runner), with Keras's fields and number formats.
/// </summary>
[Collection("Console")]
public sealed class ProgressOutputTests
{
    private static string Capture(Action action)
    {
        TextWriter original = Console.Out;
        var writer = new StringWriter { NewLine = "\n" };
        Console.SetOut(writer);
        try
        {
            action();
        }
        finally
        {
            Console.SetOut(original);
        }

        return writer.ToString();
    }

    private static (Residual Model, float[] X, float[] Y) Setup()
    {
        var model = new Residual(seed: 3);
        model.Compile(new Adam(), Losses.BinaryCrossentropy, [Metrics.Accuracy]);
        float[] x = FiniteDifferences.Random(100 * 2, 4);
        float[] y = Enumerable.Range(0, 100).Select(i => (float)(i % 2)).ToArray();
        return (model, x, y);
    }

    [Fact]
    public void Verbose_1_redirected_prints_the_epoch_header_and_one_keras_line_per_epoch()
    {
        var (model, x, y) = Setup();
        string[] lines = Capture(() => model.Fit(x, y, epochs: 2, batchSize: 10, validationSplit: 0.2f)).TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal("Epoch 1/2", lines[0]);
        Assert.Equal("Epoch 2/2", lines[2]);
        const string number = @"\d+\.\d{4}(e-\d\d)?";
        Assert.Matches($@"^8/8 ━{{20}} \d+s \d+(s|ms|us)/step - accuracy: {number} - loss: {number} - val_accuracy: {number} - val_loss: {number}$", lines[1]);
        Assert.DoesNotContain("\u001b", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_2_prints_keras_one_line_form()
    {
        var (model, x, y) = Setup();
        string output = Capture(() => model.Fit(x, y, epochs: 1, batchSize: 32, verbose: 2));
        Assert.Matches(@"^4/4 - \d+s - \d+(s|ms|us)/step - accuracy: \d\.\d{4} - loss: \d\.\d{4}\n$", output);
    }

    [Fact]
    public void Verbose_0_prints_nothing_and_one_epoch_has_no_header()
    {
        var (model, x, y) = Setup();
        Assert.Equal(string.Empty, Capture(() => model.Fit(x, y, epochs: 2, verbose: 0)));
        Assert.DoesNotContain("Epoch", Capture(() => model.Fit(x, y, epochs: 1)));
    }

    [Fact]
    public void Evaluate_prints_a_progress_line()
    {
        var (model, x, y) = Setup();
        string output = Capture(() => model.Evaluate(x, y, batchSize: 25));
        Assert.Matches(@"^4/4 ━{20} \d+s \d+(s|ms|us)/step - accuracy: \d\.\d{4} - loss: \d\.\d{4}\n$", output);
    }
}
