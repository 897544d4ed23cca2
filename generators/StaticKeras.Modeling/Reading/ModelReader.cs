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
    public static ModelSpec Read(INamedTypeSymbol type, INamedTypeSymbol? layerAttribute, CancellationToken cancellationToken)
    {
        ImmutableArray<AttributeData> attributes = LayerAttributes(type, layerAttribute);
        var layers = new List<LayerSpec>(attributes.Length);
        for (int i = 0; i < attributes.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            layers.Add(ReadLayer(i, attributes[i]));
        }

        return new ModelSpec(ReadType(type), layers.ToEquatableArray(), FindIssues(type, attributes, cancellationToken));
    }

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

    private static TypeSpec ReadType(INamedTypeSymbol type)
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
        string typeName = attributeClass?.Name ?? "?";
        if (typeName.EndsWith("Attribute", System.StringComparison.Ordinal))
        {
            typeName = typeName.Substring(0, typeName.Length - "Attribute".Length);
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

        return new LayerSpec(index, typeName, arguments.ToEquatableArray(), malformed);
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
                return constant.Value is ITypeSymbol t ? ArgumentValue.FromText(t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)) : ArgumentValue.Null;
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

    private static DeclarationIssues FindIssues(INamedTypeSymbol type, ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
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
