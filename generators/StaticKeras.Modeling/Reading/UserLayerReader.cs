using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Reading;

/// <summary>Reads what a user layer type declares: <c>ILayer</c>, <c>[LayerShape]</c>, <c>[LayerWeight]</c>s, <c>[LayerCache]</c>s.</summary>
internal static class UserLayerReader
{
    /// <summary>Reads <paramref name="type"/>, and the <c>[DefaultValue]</c>s of <paramref name="attribute"/>'s properties.</summary>
    public static UserLayerSpec Read(ITypeSymbol type, INamedTypeSymbol? attribute, ReaderSymbols symbols)
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
        return new UserLayerSpec(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), type.Name, implements, contract, weights, caches)
        {
            Defaults = Defaults(attribute),
            ExportsOnnx = type.GetMembers("ExportOnnx").OfType<IMethodSymbol>().Any(m => m.IsStatic),
        };
    }

    /// <summary>
    /// The numeric and boolean properties of the attribute class (and its bases) that carry
    /// <c>[System.ComponentModel.DefaultValue]</c>: property initializers are not in metadata, so
    /// this is how the generator learns what an argument the user did not write is.
    /// </summary>
    private static EquatableArray<(string Name, double Value)> Defaults(INamedTypeSymbol? attribute)
    {
        var defaults = new List<(string, double)>();
        for (INamedTypeSymbol? t = attribute; t is not null; t = t.BaseType)
        {
            foreach (IPropertySymbol property in t.GetMembers().OfType<IPropertySymbol>())
            {
                AttributeData? value = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.ComponentModel.DefaultValueAttribute");
                if (value?.ConstructorArguments.FirstOrDefault().Value is { } v && !defaults.Any(d => d.Item1 == property.Name))
                {
                    switch (v)
                    {
                        case bool b:
                            defaults.Add((property.Name, b ? 1 : 0));
                            break;
                        case string:
                            break;
                        default:
                            defaults.Add((property.Name, System.Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)));
                            break;
                    }
                }
            }
        }

        return defaults.ToEquatableArray();
    }

    private static string Text(AttributeData attribute, int index) => attribute.ConstructorArguments[index].Value as string ?? string.Empty;

    private static object? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(n => n.Key == name).Value.Value;
}
