using System.Linq;
using Microsoft.CodeAnalysis;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Reading;

/// <summary>Reads what a user layer type declares: <c>ILayer</c>, <c>[LayerShape]</c>, <c>[LayerWeight]</c>s, <c>[LayerCache]</c>s.</summary>
internal static class UserLayerReader
{
    public static UserLayerSpec Read(ITypeSymbol type, ReaderSymbols symbols)
    {
        bool implements = symbols.Layer is not null && type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, symbols.Layer));
        string? contract = ReaderSymbols.Find(type, symbols.LayerShape)?.ConstructorArguments.FirstOrDefault().Value as string;
        var weights = type.GetAttributes()
            .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.LayerWeight) && a.ConstructorArguments.Length == 2)
            .Select(a => new UserWeightSpec(
                Text(a, 0),
                Text(a, 1),
                Named(a, "Initializer") as string ?? "glorot_uniform",
                Named(a, "Trainable") as bool? ?? true))
            .ToEquatableArray();
        var caches = type.GetAttributes()
            .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.LayerCache) && a.ConstructorArguments.Length == 2)
            .Select(a => new UserCacheSpec(Text(a, 0), Text(a, 1)))
            .ToEquatableArray();
        return new UserLayerSpec(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), type.Name, implements, contract, weights, caches);
    }

    private static string Text(AttributeData attribute, int index) => attribute.ConstructorArguments[index].Value as string ?? string.Empty;

    private static object? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(n => n.Key == name).Value.Value;
}
