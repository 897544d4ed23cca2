using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Reading;

/// <summary>
/// Reads <c>[KerasModel("model.keras")]</c>: the request (class, path, options, and what the
/// import needs from the compilation: the activations and the layers written as user layers), and
/// the file itself from the project's <c>AdditionalFiles</c>. Shared by the generator and the analyzer.
/// </summary>
internal static class KerasModelReader
{
    /// <summary>The attribute's metadata name.</summary>
    public const string AttributeMetadataName = "StaticKeras.KerasModelAttribute";

    /// <summary>The request a class's <c>[KerasModel]</c> makes, or null when it has none.</summary>
    public static KerasModelRequest? ReadRequest(INamedTypeSymbol type, ReaderSymbols symbols, CancellationToken token)
    {
        AttributeData? attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AttributeMetadataName);
        if (attribute is null || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string path)
        {
            return null;
        }

        bool embed = attribute.NamedArguments.Any(n => n.Key == "EmbedWeights" && n.Value.Value is true);
        return new KerasModelRequest(
            ModelReader.ReadType(type),
            ModelReader.FindIssues(type, ImmutableArray<AttributeData>.Empty, token),
            path,
            embed,
            symbols.BuiltInActivations,
            UserLayers(symbols));
    }

    /// <summary>The additional file the attribute names: the same relative path at the end of its full path, or the same file name.</summary>
    public static AdditionalText? Find(ImmutableArray<AdditionalText> files, string path)
    {
        string wanted = Normalize(path);
        return files.FirstOrDefault(f => Normalize(f.Path) == wanted || Normalize(f.Path).EndsWith("/" + wanted.TrimStart('.', '/'), StringComparison.Ordinal))
            ?? files.FirstOrDefault(f => string.Equals(Path.GetFileName(f.Path), Path.GetFileName(path), StringComparison.Ordinal));
    }

    /// <summary>
    /// The file's bytes, or null when it cannot be read. <see cref="AdditionalText.GetText"/> decodes
    /// text, which would garble an HDF5 file or a zip; Roslyn offers binary additional files no other
    /// way than their path, so the bytes are read from <see cref="AdditionalText.Path"/> (the compiler
    /// already depends on that file: it is an input of the build).
    /// </summary>
    public static byte[]? ReadBytes(AdditionalText file, out string? problem)
    {
        problem = null;
        try
        {
#pragma warning disable RS1035 // No other API gives an additional file's bytes (see above).
            return File.ReadAllBytes(file.Path);
#pragma warning restore RS1035
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            problem = e.Message;
            return null;
        }
    }

    /// <summary>Imports the file for a request (the generator's and the analyzer's one path).</summary>
    public static KerasImport Import(KerasModelRequest request, ImmutableArray<AdditionalText> files)
    {
        AdditionalText? file = Find(files, request.Path);
        byte[]? data = file is null ? null : ReadBytes(file, out _);
        return KerasModelImport.Import(request, data, Path.GetFileName(request.Path));
    }

    /// <summary>StaticKeras's attributes over <c>LayerAttribute&lt;T&gt;</c> (ELU): a Keras config names them by <c>T</c>'s name.</summary>
    private static EquatableArray<KerasUserLayer> UserLayers(ReaderSymbols symbols)
    {
        var layers = new List<KerasUserLayer>();
        INamespaceSymbol? ns = symbols.UserLayerAttribute?.ContainingNamespace;
        foreach (INamedTypeSymbol attribute in ns?.GetTypeMembers() ?? ImmutableArray<INamedTypeSymbol>.Empty)
        {
            if (attribute.DeclaredAccessibility != Accessibility.Public || attribute.IsGenericType || attribute.BaseType is not { TypeArguments.Length: 1 } baseType
                || !SymbolEqualityComparer.Default.Equals(baseType.OriginalDefinition, symbols.UserLayerAttribute))
            {
                continue;
            }

            ITypeSymbol layer = baseType.TypeArguments[0];
            layers.Add(new KerasUserLayer(layer.Name, attribute.ToDisplayString(), UserLayerReader.Read(layer, attribute, symbols)));
        }

        return layers.OrderBy(l => l.KerasClassName, StringComparer.Ordinal).ToEquatableArray();
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
