using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using StaticKeras.Generators;
using StaticKeras.Testing;

namespace StaticKeras.KerasFiles.Tests;

/// <summary>
/// A [KerasModel] file that is missing, unreadable or uses what StaticKeras cannot express is an SK
/// error on the attribute, naming the file, the layer and the argument; never a generator crash,
/// and the class still compiles (stubs), so the build shows only the SK error.
/// </summary>
public sealed class KerasModelDiagnosticTests
{
    [Fact]
    public void A_file_that_is_not_an_additional_file_is_SK2017_on_the_attribute()
    {
        Diagnostic d = Assert.Single(Build("missing.keras"));

        Assert.Equal("SK2017", d.Id);
        Assert.Contains("'missing.keras' is not among the project's AdditionalFiles", d.GetMessage());
        Assert.Equal("KerasModel(\"missing.keras\")", Underlined(d));
    }

    [Fact]
    public void A_truncated_archive_is_SK2017()
    {
        string path = Path.Combine(KerasData.NewFolder(), "cut.keras");
        byte[] archive = File.ReadAllBytes(KerasData.File("keras3/pre_pr22362_nested_container.keras"));
        File.WriteAllBytes(path, archive[..(archive.Length / 2)]);

        Diagnostic d = Assert.Single(Build("cut.keras", path));

        Assert.Equal("SK2017", d.Id);
        Assert.Contains("cannot be read", d.GetMessage());
    }

    [Theory]
    [InlineData("keras3/sleepecg_ws_gru_mesa_classifier.keras", "layer 'masking' is a Masking, which StaticKeras has no layer for")]
    [InlineData("dl4j_simple_rnn/simple_rnn_tf_keras_2_model.h5", "layer 'simple_rnn_1' is a SimpleRNN")]
    [InlineData("keras3/pre_pr22362_nested_container.keras", "the model is a NestedDenseModel; StaticKeras imports Sequential and Functional models")]
    [InlineData("dl4j_simple_rnn/simple_rnn_tf_keras_2_weights.h5", "has no 'model_config' attribute: it holds weights only")]
    public void Layers_and_models_StaticKeras_lacks_are_named_with_the_file(string file, string expected)
    {
        Diagnostic[] diagnostics = Build(Path.GetFileName(file), KerasData.File(file));

        Assert.Contains(diagnostics, d => d.Id is "SK2018" or "SK2017" && d.GetMessage().Contains(expected, StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.StartsWith("SK", d.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void An_argument_StaticKeras_cannot_express_is_SK2018_naming_the_layer_argument_and_value()
    {
        string json = File.ReadAllText(KerasData.File("dl4j_single_layer/ReLU_0_config.json"))
            .Replace("\"kernel_regularizer\": null", "\"kernel_regularizer\": {\"class_name\": \"L2\", \"config\": {\"l2\": 0.01}}", StringComparison.Ordinal);
        string path = Path.Combine(KerasData.NewFolder(), "regularized.json");
        File.WriteAllText(path, json);

        Diagnostic d = Assert.Single(Build("regularized.json", path));

        Assert.Equal("SK2018", d.Id);
        Assert.Contains("regularized.json: Dense 'dense': argument 'kernel_regularizer' = L2(...) cannot be imported: StaticKeras supports only None here", d.GetMessage());
    }

    [Fact]
    public void A_supported_file_gives_no_diagnostic_and_compiling_code()
    {
        Assert.Empty(Build("ReLU_0_model.h5", KerasData.File("dl4j_single_layer/ReLU_0_model.h5")));
    }

    /// <summary>Every warning and error of a build of one [KerasModel] class with the given additional file: compiler's and analyzers'.</summary>
    private static Diagnostic[] Build(string attributePath, string? additionalFile = null)
    {
        string source = $$"""
            using StaticKeras;

            [KerasModel("{{attributePath}}")]
            public partial class Imported;

            public static class Use
            {
                public static float[] Run()
                {
                    var m = new Imported(seed: 1);
                    m.LoadKerasWeights();
                    return m.Predict(new float[Imported.InputSize]);
                }
            }
            """;
        ImmutableArray<AdditionalText> files = additionalFile is null ? [] : [new FileText(additionalFile)];
        CSharpCompilation compilation = TestCompilation.Create(source);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new ModelGenerator().AsSourceGenerator()], files, TestCompilation.ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generator);
        ImmutableArray<Diagnostic> analyzers = output.WithAnalyzers(AnalyzerRun.Analyzers, new AnalyzerOptions(files)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return [.. generator, .. TestCompilation.Problems(output), .. analyzers];
    }

    private static string Underlined(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    /// <summary>An additional file on disk, as the compiler hands one to generators and analyzers.</summary>
    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }
}
