using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using StaticKeras.Testing;

namespace StaticKeras.Generators.Tests;

/// <summary>
/// The README's "Write your own layer" examples, compiled with the generator and run as the
/// section's last snippet does: the layer, the activation and the block must work as printed.
/// </summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_custom_layer_activation_and_block_of_the_README_compile_train_and_pass_the_gradient_check()
    {
        string[] blocks = Section("## Write your own layer");
        string[] declarations = blocks.Where(b => b.Contains("class ", StringComparison.Ordinal) || b.Contains("struct ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, declarations.Length);
        Assert.Contains(blocks, b => b.Contains("GradientCheck.Run(model, x, labels).ThrowIfFailed();", StringComparison.Ordinal));

        string source = "using System;\nusing StaticKeras;\n" + string.Join("\n", declarations.Select(b => Regex.Replace(b, @"^using [\w.]+;\s*$", string.Empty, RegexOptions.Multiline)));
        System.Reflection.Assembly assembly = GeneratorRun.Run(source).Load();
        var model = (Model)Activator.CreateInstance(assembly.GetType("DeepMlp", throwOnError: true)!, (int?)1)!;
        model.Compile(new Adam(), Losses.SparseCategoricalCrossentropy);
        float[] x = FiniteDifferences.Random(4 * 784, 3);
        int[] labels = [1, 4, 7, 9];
        GradientCheck.Run(model, x, labels).ThrowIfFailed();
        double first = model.TrainOnBatch(x, labels)["loss"];
        for (int i = 0; i < 20; i++)
        {
            model.ResetMetrics();
            model.TrainOnBatch(x, labels);
        }

        model.ResetMetrics();
        Assert.True(model.TestOnBatch(x, labels)["loss"] < first);
        Assert.Contains("residual_block_1 (ResidualBlock)", model.SummaryText());
        Assert.Contains("residual_block_1/h/kernel", model.Definition.Weights.Select(w => w.Path));
    }

    /// <summary>The C# code blocks of one README section.</summary>
    private static string[] Section(string heading, [CallerFilePath] string here = "")
    {
        string readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "README.md"));
        int start = readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no section {heading}");
        int end = readme.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        string section = readme[start..(end < 0 ? readme.Length : end)];
        return Regex.Matches(section, "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToArray();
    }
}
