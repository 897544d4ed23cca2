using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Reading;

/// <summary>
/// The StaticKeras types the reader compares against, resolved once per compilation, and the
/// built-in activation modules read from the runtime's <c>StaticKeras.Activations</c> namespace.
/// </summary>
internal sealed class ReaderSymbols
{
    private ReaderSymbols(Compilation compilation, INamedTypeSymbol layerAttribute)
    {
        LayerAttribute = layerAttribute;
        UserLayerAttribute = compilation.GetTypeByMetadataName("StaticKeras.LayerAttribute`1");
        BlockAttribute = compilation.GetTypeByMetadataName("StaticKeras.BlockAttribute`1");
        Activation = compilation.GetTypeByMetadataName("StaticKeras.IActivation");
        Layer = compilation.GetTypeByMetadataName("StaticKeras.ILayer");
        KerasActivation = compilation.GetTypeByMetadataName("StaticKeras.KerasActivationAttribute");
        LayerShape = compilation.GetTypeByMetadataName("StaticKeras.LayerShapeAttribute");
        LayerWeight = compilation.GetTypeByMetadataName("StaticKeras.LayerWeightAttribute");
        LayerCache = compilation.GetTypeByMetadataName("StaticKeras.LayerCacheAttribute");
        BuiltInActivations = ReadBuiltInActivations();
    }

    /// <summary><c>StaticKeras.LayerAttribute</c>, the base of every layer attribute.</summary>
    public INamedTypeSymbol LayerAttribute { get; }

    /// <summary><c>StaticKeras.LayerAttribute&lt;TLayer&gt;</c>, the base of user layers' attributes.</summary>
    public INamedTypeSymbol? UserLayerAttribute { get; }

    /// <summary><c>StaticKeras.BlockAttribute&lt;TModel&gt;</c>.</summary>
    public INamedTypeSymbol? BlockAttribute { get; }

    /// <summary><c>StaticKeras.IActivation</c>.</summary>
    public INamedTypeSymbol? Activation { get; }

    /// <summary><c>StaticKeras.ILayer</c>.</summary>
    public INamedTypeSymbol? Layer { get; }

    /// <summary><c>StaticKeras.KerasActivationAttribute</c>.</summary>
    public INamedTypeSymbol? KerasActivation { get; }

    /// <summary><c>StaticKeras.LayerShapeAttribute</c>.</summary>
    public INamedTypeSymbol? LayerShape { get; }

    /// <summary><c>StaticKeras.LayerWeightAttribute</c>.</summary>
    public INamedTypeSymbol? LayerWeight { get; }

    /// <summary><c>StaticKeras.LayerCacheAttribute</c>.</summary>
    public INamedTypeSymbol? LayerCache { get; }

    /// <summary>The runtime's activation modules, by declaration in <c>StaticKeras.Activations</c>.</summary>
    public EquatableArray<ActivationSpec> BuiltInActivations { get; }

    /// <summary>The symbols of a compilation, or null when it does not reference StaticKeras.</summary>
    public static ReaderSymbols? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName(ModelReader.LayerAttributeMetadataName) is { } layer ? new ReaderSymbols(compilation, layer) : null;

    /// <summary>True when <paramref name="type"/> is or derives from <paramref name="baseType"/> (compared by original definition).</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        for (ITypeSymbol? t = type; t is not null && baseType is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The attribute of class <paramref name="attributeClass"/> on <paramref name="symbol"/>, or null.</summary>
    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attributeClass) =>
        attributeClass is null ? null : symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeClass));

    /// <summary>Reads what an activation type declares; the problem is set when it cannot be used.</summary>
    public ActivationSpec DescribeActivation(ITypeSymbol type)
    {
        string typeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        bool implements = Activation is not null && type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, Activation));
        AttributeData? declared = Find(type, KerasActivation);
        string? problem = !implements
            ? $"{type.Name} does not implement StaticKeras.IActivation: give it static Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength) and Backward(x, y, dy, dx, rowLength) methods and declare ': IActivation'"
            : declared is null
                ? $"{type.Name} implements IActivation but has no [KerasActivation(\"name\", Derivative = ...)] saying its Keras name and what its derivative needs; add one"
                : null;
        string name = declared?.ConstructorArguments.FirstOrDefault().Value as string ?? type.Name;
        var aliases = new List<string>();
        DerivativeSource derivative = DerivativeSource.FromOutput;
        string fusion = "None";
        foreach (KeyValuePair<string, TypedConstant> named in declared is null ? ImmutableArray<KeyValuePair<string, TypedConstant>>.Empty : declared.NamedArguments)
        {
            switch (named.Key)
            {
                case "Aliases" when !named.Value.IsNull:
                    aliases.AddRange(named.Value.Values.Select(v => v.Value as string ?? string.Empty));
                    break;
                case "Derivative" when named.Value.Value is int d:
                    derivative = (DerivativeSource)d;
                    break;
                case "LossFusion" when named.Value.Value is int f:
                    fusion = f switch { 1 => "Softmax", 2 => "Sigmoid", _ => "None" };
                    break;
            }
        }

        return new ActivationSpec(name, aliases.ToEquatableArray(), typeName, derivative, fusion, problem);
    }

    private EquatableArray<ActivationSpec> ReadBuiltInActivations()
    {
        INamespaceSymbol? ns = Activation?.ContainingNamespace.GetNamespaceMembers().FirstOrDefault(n => n.Name == "Activations");
        if (ns is null)
        {
            return EquatableArray<ActivationSpec>.Empty;
        }

        return ns.GetTypeMembers()
            .Where(t => t.DeclaredAccessibility == Accessibility.Public && Find(t, KerasActivation) is not null)
            .OrderBy(t => t.Name, System.StringComparer.Ordinal)
            .Select(DescribeActivation)
            .ToEquatableArray();
    }
}
