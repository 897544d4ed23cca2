using StaticKeras.Testing;

namespace StaticKeras.Analyzers.Tests;

/// <summary>SK3xxx: calls that cannot work with the model they are made on, known at compile time.</summary>
public sealed class UsageDiagnosticTests
{
    private const string Models = """
        [Input(784)]
        [Dense(10, Activation = Activation.Softmax)]
        public partial class Classifier;

        [Input(4)]
        [Dense(1, Activation = Activation.Sigmoid)]
        public partial class Binary;

        [Input(4)]
        [Dense(3)]
        public partial class Logits;
        """;

    private static IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Verify(string body) => AnalyzerRun.Verify($$"""
        using StaticKeras;
        {{Models}}
        public static class Program
        {
            public static void Run(float[] data, int[] ids)
            {
        {{body}}
            }
        }
        """);

    [Fact]
    public void A_logits_loss_on_a_softmax_output_is_SK3001_on_the_fromLogits_argument()
    {
        var diagnostics = Verify("""
                    var model = new Classifier();
                    model.Compile(new Adam(), new SparseCategoricalCrossentropy({|SK3001:fromLogits: true|}));
            """);
        Assert.Contains("ends in softmax ('dense')", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_logits_loss_set_in_an_initializer_on_a_sigmoid_output_is_SK3001()
    {
        Verify("""
                    var model = new Binary();
                    model.Compile(loss: new BinaryCrossentropy { {|SK3001:FromLogits = true|} });
            """);
    }

    [Fact]
    public void A_logits_loss_on_a_linear_output_is_fine()
    {
        Verify("""
                    var model = new Logits();
                    model.Compile(new Adam(), new CategoricalCrossentropy(fromLogits: true));
                    model.Compile(new Adam(), Losses.CategoricalCrossentropy);
            """);
    }

    [Fact]
    public void A_constant_array_that_is_not_whole_samples_is_SK3002()
    {
        var diagnostics = Verify("""
                    var model = new Classifier();
                    model.Predict({|SK3002:new float[1000]|});
                    float[] batch = new float[784 * 2];
                    model.Predict(batch);
                    float[] odd = new float[785];
                    model.Predict({|SK3002:odd|}, new float[10]);
                    new Binary().Predict({|SK3002:[1f, 2f, 3f]|});
                    new Binary().Predict([1f, 2f, 3f, 4f]);
            """);
        Assert.Contains("expects x of shape (N, 784): 784 values per sample, but this array has 1000 values", diagnostics[0].GetMessage());
    }

    [Fact]
    public void Arrays_of_unknown_or_changed_length_are_not_judged()
    {
        Verify("""
                    var model = new Classifier();
                    model.Predict(data);
                    float[] x = new float[10];
                    x = data;
                    model.Predict(x);
            """);
    }

    [Fact]
    public void Labels_of_unknown_length_are_not_judged()
    {
        // int labels may be class ids or one-hot rows; without a constant length nothing is certain.
        Verify("""
                    var model = new Classifier();
                    model.Compile(new Adam(), Losses.CategoricalCrossentropy);
                    model.Fit(data, ids);
            """);
    }

    [Fact]
    public void Class_ids_of_a_known_count_for_a_one_hot_loss_are_SK3003()
    {
        var diagnostics = Verify("""
                    var model = new Logits();
                    model.Compile(new Adam(), Losses.CategoricalCrossentropy);
                    model.Fit(new float[8], {|SK3003:new int[] { 0, 2 }|});
                    model.Fit(new float[8], new int[] { 0, 0, 1, 0, 1, 0 });
            """);
        Assert.Contains("needs 2 × 3 = 6 label values, but y has 2", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void Constant_labels_of_the_wrong_count_are_SK3003()
    {
        var diagnostics = Verify("""
                    var model = new Binary();
                    model.Compile(new SGD(), new BinaryCrossentropy());
                    model.Fit(new float[8], {|SK3003:new float[3]|});
                    model.TrainOnBatch(new float[8], new float[2]);
            """);
        Assert.Contains("needs 2 × 1 = 2 label values, but y has 3", diagnostics.Single().GetMessage());
    }
}
