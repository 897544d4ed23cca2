using StaticKeras.Testing;

namespace StaticKeras.Analyzers.Tests;

/// <summary>SK1xxx: shape errors, on the attribute or argument at fault, with both shapes in the message.</summary>
public sealed class ShapeDiagnosticTests
{
    [Fact]
    public void Add_of_different_shapes_is_SK1001_on_the_mismatching_input()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(2, Name = "x")]
            [Dense(3, Name = "p")]
            [Add("x", {|SK1001:"p"|})]
            public partial class M;
            """);
        string message = diagnostics.Single().GetMessage();
        Assert.Contains("'x' is (None, 2)", message);
        Assert.Contains("'p' is (None, 3)", message);
    }
}
