using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Reading;

/// <summary>
/// Reads a model class into a <see cref="ModelSpec"/>. The only code that walks symbols and
/// syntax; everything after it works on plain, equatable data.
/// </summary>
internal static class ModelReader
{
    /// <summary>The metadata name of the base class of every layer attribute.</summary>
    public const string LayerAttributeMetadataName = "StaticKeras.LayerAttribute";

    /// <summary>The metadata name of <c>[Input]</c>, the attribute every model has (the generator's trigger).</summary>
    public const string InputAttributeMetadataName = "StaticKeras.InputAttribute";

    /// <summary>The metadata name of the generated classes' base class.</summary>
    public const string ModelMetadataName = "StaticKeras.Model";

    /// <summary>The layer attributes on <paramref name="type"/>, in declaration order.</summary>
    public static ImmutableArray<AttributeData> LayerAttributes(INamedTypeSymbol type, INamedTypeSymbol? layerAttribute) =>
        type.GetAttributes().Where(a => IsLayerAttribute(a.AttributeClass, layerAttribute)).ToImmutableArray();

    /// <summary>True when <paramref name="attributeClass"/> derives from <c>StaticKeras.LayerAttribute</c>.</summary>
    public static bool IsLayerAttribute(INamedTypeSymbol? attributeClass, INamedTypeSymbol? layerAttribute)
    {
        for (INamedTypeSymbol? t = attributeClass?.BaseType; t is not null; t = t.BaseType)
        {
            if (layerAttribute is not null
                ? SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, layerAttribute)
                : t.ToDisplayString() == LayerAttributeMetadataName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the model declared on <paramref name="type"/>.</summary>
    public static ModelSpec Read(INamedTypeSymbol type, ReaderSymbols symbols, CancellationToken cancellationToken) =>
        Read(type, symbols, ImmutableHashSet<INamedTypeSymbol>.Empty.WithComparer(SymbolEqualityComparer.Default), cancellationToken);

    /// <summary>
    /// The declaration that the generator handles the model from: the first partial part that
    /// carries layer attributes. Other parts with <c>[Input]</c> must not generate it again.
    /// </summary>
    public static SyntaxNode? PrimaryDeclaration(INamedTypeSymbol type, INamedTypeSymbol? layerAttribute, CancellationToken cancellationToken) =>
        LayerAttributes(type, layerAttribute)
            .Select(a => a.ApplicationSyntaxReference?.GetSyntax(cancellationToken).Parent?.Parent)
            .Where(n => n is not null)
            .OrderBy(n => n!.SyntaxTree.FilePath, System.StringComparer.Ordinal)
            .ThenBy(n => n!.SpanStart)
            .FirstOrDefault();

    /// <param name="type">The model class.</param>
    /// <param name="symbols">The compilation's StaticKeras types.</param>
    /// <param name="enclosing">The block classes being read around this one, to stop a block that contains itself.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    private static ModelSpec Read(INamedTypeSymbol type, ReaderSymbols symbols, ImmutableHashSet<INamedTypeSymbol> enclosing, CancellationToken cancellationToken)
    {
        ImmutableArray<AttributeData> attributes = LayerAttributes(type, symbols.LayerAttribute);
        var layers = new List<LayerSpec>(attributes.Length);
        var activations = new List<ActivationSpec>(symbols.BuiltInActivations);
        ImmutableHashSet<INamedTypeSymbol> inside = enclosing.Add(type);
        for (int i = 0; i < attributes.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LayerSpec layer = ReadLayer(i, attributes[i]);
            layer = WithTypeArgument(layer, attributes[i].AttributeClass, symbols, inside, cancellationToken);
            layers.Add(layer);
            DescribeTypeArguments(attributes[i], symbols, activations);
        }

        return new ModelSpec(ReadType(type), layers.ToEquatableArray(), FindIssues(type, attributes, cancellationToken), activations.ToEquatableArray());
    }

    /// <summary>Every <c>typeof(T)</c> argument is an activation reference: describe each type once.</summary>
    private static void DescribeTypeArguments(AttributeData attribute, ReaderSymbols symbols, List<ActivationSpec> activations)
    {
        IEnumerable<TypedConstant> values = attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.Value));
        foreach (TypedConstant value in values)
        {
            if (value.Kind == TypedConstantKind.Type && value.Value is ITypeSymbol t)
            {
                ActivationSpec spec = symbols.DescribeActivation(t);
                if (!activations.Any(a => a.TypeName == spec.TypeName))
                {
                    activations.Add(spec);
                }
            }
        }
    }

    /// <summary>Reads the type behind <c>[Layer&lt;T&gt;]</c> (or an attribute deriving from it) and <c>[Block&lt;T&gt;]</c>.</summary>
    private static LayerSpec WithTypeArgument(LayerSpec layer, INamedTypeSymbol? attributeClass, ReaderSymbols symbols, ImmutableHashSet<INamedTypeSymbol> enclosing, CancellationToken token)
    {
        for (INamedTypeSymbol? t = attributeClass; t is not null; t = t.BaseType)
        {
            if (t.TypeArguments.Length != 1)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, symbols.UserLayerAttribute))
            {
                return layer with { UserLayer = UserLayerReader.Read(t.TypeArguments[0], attributeClass, symbols) };
            }

            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, symbols.BlockAttribute))
            {
                return t.TypeArguments[0] is INamedTypeSymbol block ? ReadBlock(layer, block, symbols, enclosing, token) : layer with { BlockProblem = $"{t.TypeArguments[0].Name} is not a model class" };
            }
        }

        return layer;
    }

    private static LayerSpec ReadBlock(LayerSpec layer, INamedTypeSymbol block, ReaderSymbols symbols, ImmutableHashSet<INamedTypeSymbol> enclosing, CancellationToken token)
    {
        if (enclosing.Contains(block))
        {
            return layer with { BlockProblem = $"{block.Name} contains itself as a block, so it would be infinitely deep" };
        }

        if (LayerAttributes(block, symbols.LayerAttribute).IsEmpty)
        {
            return layer with { BlockProblem = $"{block.Name} is not a model: it has no layer attributes. A block is a class declared like a model, with [Input] and layers" };
        }

        return layer with { Block = Read(block, symbols, enclosing, token) };
    }

    internal static TypeSpec ReadType(INamedTypeSymbol type)
    {
        var containing = new List<string>();
        for (INamedTypeSymbol? t = type.ContainingType; t is not null; t = t.ContainingType)
        {
            containing.Insert(0, (t.IsValueType ? "partial struct " : "partial class ") + t.Name);
        }

        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
        string metadataName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);
        return new TypeSpec(ns, type.Name, metadataName, containing.ToEquatableArray());
    }

    private static LayerSpec ReadLayer(int index, AttributeData attribute)
    {
        INamedTypeSymbol? attributeClass = attribute.AttributeClass;
        string displayName = attributeClass?.Name ?? "?";
        if (displayName.EndsWith("Attribute", System.StringComparison.Ordinal))
        {
            displayName = displayName.Substring(0, displayName.Length - "Attribute".Length);
        }

        IMethodSymbol? constructor = attribute.AttributeConstructor;
        bool malformed = attributeClass is null || attributeClass.TypeKind == TypeKind.Error || constructor is null;
        var arguments = new List<ArgumentSpec>();
        if (constructor is not null)
        {
            for (int i = 0; i < attribute.ConstructorArguments.Length && i < constructor.Parameters.Length; i++)
            {
                ArgumentValue? value = ReadValue(attribute.ConstructorArguments[i]);
                malformed |= value is null;
                arguments.Add(new ArgumentSpec(PascalCase(constructor.Parameters[i].Name), value ?? ArgumentValue.Null, IsNamed: false));
            }
        }

        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            ArgumentValue? value = ReadValue(named.Value);
            malformed |= value is null;
            arguments.Add(new ArgumentSpec(named.Key, value ?? ArgumentValue.Null, IsNamed: true));
        }

        return new LayerSpec(index, MetadataName(attributeClass), displayName, arguments.ToEquatableArray(), malformed);
    }

    /// <summary>The full metadata name of the attribute's class definition: <c>StaticKeras.DenseAttribute</c>, <c>StaticKeras.LayerAttribute`1</c>.</summary>
    private static string MetadataName(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return "?";
        }

        INamedTypeSymbol definition = type.OriginalDefinition;
        string name = definition.MetadataName;
        for (INamedTypeSymbol? outer = definition.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        return definition.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }

    /// <summary>Converts a typed constant; null when the compiler could not bind it.</summary>
    private static ArgumentValue? ReadValue(TypedConstant constant)
    {
        switch (constant.Kind)
        {
            case TypedConstantKind.Error:
                return null;
            case TypedConstantKind.Array:
                if (constant.IsNull)
                {
                    return ArgumentValue.Null;
                }

                ImmutableArray<TypedConstant> values = constant.Values;
                if (values.Any(v => v.Kind == TypedConstantKind.Error))
                {
                    return null;
                }

                return constant.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String }
                    ? ArgumentValue.FromTexts(values.Select(v => v.Value as string ?? string.Empty).ToArray())
                    : ArgumentValue.FromNumbers(values.Select(v => ToDouble(v.Value)).ToArray());
            case TypedConstantKind.Enum:
                // An undefined value ((Activation)42) keeps a null name, which the rules report.
                return new ArgumentValue(ArgumentKind.EnumMember, ToDouble(constant.Value), EnumMemberName(constant), default, default);
            case TypedConstantKind.Type:
                return constant.Value is ITypeSymbol t ? ArgumentValue.FromType(t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)) : ArgumentValue.Null;
            default:
                return constant.Value switch
                {
                    null => ArgumentValue.Null,
                    bool b => ArgumentValue.FromBoolean(b),
                    string s => ArgumentValue.FromText(s),
                    char c => ArgumentValue.FromText(c.ToString()),
                    object o => ArgumentValue.FromNumber(ToDouble(o)),
                };
        }
    }

    private static string? EnumMemberName(TypedConstant constant) =>
        constant.Type?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, constant.Value))?.Name;

    private static double ToDouble(object? value) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        uint ui => ui,
        ulong ul => ul,
        float f => f,
        double d => d,
        decimal m => (double)m,
        _ => double.NaN,
    };

    private static string PascalCase(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    internal static DeclarationIssues FindIssues(INamedTypeSymbol type, ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        DeclarationIssues issues = DeclarationIssues.None;
        var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().ToList();
        if (!declarations.Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword)))
        {
            issues |= DeclarationIssues.NotPartial;
        }

        if (type.TypeParameters.Length > 0)
        {
            issues |= DeclarationIssues.Generic;
        }

        for (INamedTypeSymbol? t = type.ContainingType; t is not null; t = t.ContainingType)
        {
            bool partial = t.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!partial || t.TypeParameters.Length > 0 || t.IsRecord || t.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                issues |= DeclarationIssues.UnsupportedNesting;
            }
        }

        int parts = attributes.Select(a => a.ApplicationSyntaxReference?.GetSyntax(cancellationToken).Parent?.Parent).Where(n => n is not null).Distinct().Count();
        if (parts > 1)
        {
            issues |= DeclarationIssues.LayersInSeveralParts;
        }

        if (type.BaseType is { SpecialType: not SpecialType.System_Object } baseType && baseType.ToDisplayString() != ModelMetadataName && baseType.TypeKind != TypeKind.Error)
        {
            issues |= DeclarationIssues.HasBaseClass;
        }

        if (type.TypeKind != TypeKind.Class || type.IsStatic || type.IsAbstract || type.IsRecord)
        {
            issues |= DeclarationIssues.UnsupportedKind;
        }

        return issues;
    }
}
