using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using StaticKeras.Modeling.Reading;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Analyzers;

/// <summary>
/// The models of one compilation, inferred once per class on demand, so usage analyzers can
/// check calls against a model's shapes (the same inference the generator runs).
/// </summary>
internal sealed class ModelCatalog
{
    private readonly ReaderSymbols symbols;
    private readonly ConcurrentDictionary<INamedTypeSymbol, ModelGraph?> graphs = new(SymbolEqualityComparer.Default);

    private ModelCatalog(Compilation compilation, ReaderSymbols symbols, INamedTypeSymbol model)
    {
        this.symbols = symbols;
        Compilation = compilation;
        Model = model;
    }

    public Compilation Compilation { get; }

    /// <summary><c>StaticKeras.Model</c>.</summary>
    public INamedTypeSymbol Model { get; }

    /// <summary>A catalog, or null when the compilation does not reference StaticKeras.</summary>
    public static ModelCatalog? Create(Compilation compilation)
    {
        ReaderSymbols? symbols = ReaderSymbols.Create(compilation);
        INamedTypeSymbol? model = compilation.GetTypeByMetadataName(ModelReader.ModelMetadataName);
        return symbols is null || model is null ? null : new ModelCatalog(compilation, symbols, model);
    }

    /// <summary>The valid graph of a model class, or null for a type that is not a model or has errors.</summary>
    public ModelGraph? Find(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || named.TypeKind != TypeKind.Class)
        {
            return null;
        }

        return graphs.GetOrAdd(named, t =>
        {
            if (ModelReader.LayerAttributes(t, symbols.LayerAttribute).IsEmpty)
            {
                return null;
            }

            ModelGraph graph = ShapeInference.Infer(ModelReader.Read(t, symbols, default));
            return graph.IsValid ? graph : null;
        });
    }

    /// <summary>True when <paramref name="method"/> is one of <c>StaticKeras.Model</c>'s methods.</summary>
    public bool IsModelMethod(IMethodSymbol method) => SymbolEqualityComparer.Default.Equals(method.ContainingType, Model);

    /// <summary>The StaticKeras type of that name (<c>SparseCategoricalCrossentropy</c>), or null.</summary>
    public INamedTypeSymbol? Type(string name) => Compilation.GetTypeByMetadataName("StaticKeras." + name);
}
