using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Tests;

/// <summary>Builds model specs by hand, as the reader would from attributes.</summary>
internal static class Specs
{
    public static ModelSpec Model(params (string Type, (string Name, object Value)[] Args)[] layers) =>
        new(
            new TypeSpec("Demo", "M", "Demo.M", EquatableArray<string>.Empty),
            layers.Select((l, i) => new LayerSpec(i, l.Type, l.Args.Select(a => new ArgumentSpec(a.Name, Value(a.Value), IsNamed: true)).ToEquatableArray(), IsMalformed: false)).ToEquatableArray(),
            DeclarationIssues.None);

    public static (string, (string, object)[]) Layer(string type, params (string, object)[] args) => (type, args);

    private static ArgumentValue Value(object value) => value switch
    {
        int i => ArgumentValue.FromNumber(i),
        double d => ArgumentValue.FromNumber(d),
        bool b => ArgumentValue.FromBoolean(b),
        string s when s.StartsWith("Activation.", StringComparison.Ordinal) => ArgumentValue.FromEnum(s["Activation.".Length..], 0),
        string s => ArgumentValue.FromText(s),
        int[] a => ArgumentValue.FromNumbers(a.Select(x => (double)x).ToArray()),
        string[] a => ArgumentValue.FromTexts(a),
        _ => throw new ArgumentException(value.ToString()),
    };
}
