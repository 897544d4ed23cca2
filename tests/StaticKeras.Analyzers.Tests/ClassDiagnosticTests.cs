using StaticKeras.Testing;

namespace StaticKeras.Analyzers.Tests;

/// <summary>SK2010–SK2015: class declarations the generator cannot extend, on the class name.</summary>
public sealed class ClassDiagnosticTests
{
    [Fact]
    public void A_class_that_is_not_partial_is_SK2010()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(2)]
            [Dense(1)]
            public class {|SK2010:M|};
            """);
        Assert.Contains("write 'partial class M'", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_generic_class_is_SK2011()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(2)]
            [Dense(1)]
            public partial class {|SK2011:M|}<T>;
            """);
    }

    [Fact]
    public void A_class_nested_in_a_class_that_is_not_partial_is_SK2012()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            public class Outer
            {
                [Input(2)]
                [Dense(1)]
                public partial class {|SK2012:M|};
            }
            """);
    }

    [Fact]
    public void A_class_nested_in_partial_types_is_generated()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            public partial class Outer
            {
                internal partial struct Inner
                {
                    [Input(2)]
                    [Dense(1)]
                    public partial class M;
                }
            }
            public static class Use
            {
                public static float[] Run() => new Outer.Inner.M(seed: 1).Predict([1f, 2f]);
            }
            """);
    }

    [Fact]
    public void Layers_on_two_partial_parts_are_SK2013()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(2)]
            public partial class {|SK2013:M|};
            [Dense(1)]
            public partial class M;
            """);
    }

    [Fact]
    public void A_base_class_is_SK2014()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            public class Base { }
            [Input(2)]
            [Dense(1)]
            public partial class {|SK2014:M|} : Base;
            """);
    }

    [Theory]
    [InlineData("public static partial class {|SK2015:M|} { }")]
    [InlineData("public abstract partial class {|SK2015:M|};")]
    [InlineData("public partial record {|SK2015:M|};")]
    public void Static_abstract_and_record_classes_are_SK2015(string declaration)
    {
        AnalyzerRun.Verify($$"""
            using StaticKeras;
            [Input(2)]
            [Dense(1)]
            {{declaration}}
            """);
    }
}
