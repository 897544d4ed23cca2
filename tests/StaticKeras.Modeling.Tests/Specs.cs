using System.Reflection;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Tests;

/// <summary>Builds model specs by hand, as the reader would from attributes.</summary>
internal static class Specs
{
    /// <summary>The runtime's activation modules, described as the reader describes them from metadata.</summary>
    public static readonly EquatableArray<ActivationSpec> Activations = typeof(IActivation).Assembly.GetTypes()
        .Where(t => t.Namespace == "StaticKeras.Activations" && t.GetCustomAttribute<KerasActivationAttribute>() is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t =>
        {
            KerasActivationAttribute a = t.GetCustomAttribute<KerasActivationAttribute>()!;
            return new ActivationSpec(a.Name, a.Aliases.ToEquatableArray(), "global::" + t.FullName, (DerivativeSource)(int)a.Derivative, a.LossFusion.ToString());
        })
        .ToEquatableArray();

    public static ModelSpec Model(params (string Type, (string Name, object Value)[] Args)[] layers) =>
        new(
            new TypeSpec("Demo", "M", "Demo.M", EquatableArray<string>.Empty),
            layers.Select((l, i) => new LayerSpec(i, "StaticKeras." + l.Type + "Attribute", l.Type, l.Args.Select(a => new ArgumentSpec(a.Name, Value(a.Value), IsNamed: true)).ToEquatableArray(), IsMalformed: false)).ToEquatableArray(),
            DeclarationIssues.None,
            Activations);

    public static (string, (string, object)[]) Layer(string type, params (string, object)[] args) => (type, args);

    private static ArgumentValue Value(object value) => value switch
    {
        int i => ArgumentValue.FromNumber(i),
        double d => ArgumentValue.FromNumber(d),
        bool b => ArgumentValue.FromBoolean(b),
        string s => ArgumentValue.FromText(s),
        int[] a => ArgumentValue.FromNumbers(a.Select(x => (double)x).ToArray()),
        string[] a => ArgumentValue.FromTexts(a),
        _ => throw new ArgumentException(value.ToString()),
    };
}
