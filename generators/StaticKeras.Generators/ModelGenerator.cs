using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticKeras.Generators.Emit;
using StaticKeras.Generators.Planning;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Reading;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Generators;

/// <summary>
/// Generates each model declared with layer attributes: attributes → <see cref="ModelSpec"/> →
/// <see cref="ModelGraph"/> (shapes) → <see cref="ModelPlan"/> (buffers, offsets) → C# source.
/// Never reports diagnostics (the analyzers do) and never throws on a bad declaration.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModelGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Every model has at least one [Input]; a class with layers but no [Input] gets only the analyzer's error.
        IncrementalValuesProvider<ModelSpec> specs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ModelReader.InputAttributeMetadataName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (context, token) => Read(context, token))
            .WithTrackingName(TrackingNames.Spec)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!);

        // Shape inference is the code the analyzers run too; an invalid graph still flows on, to emit stubs.
        Generate(context, specs.Select(static (spec, _) => ShapeInference.Infer(spec)).WithTrackingName(TrackingNames.Graph));

        // [KerasModel("m.keras")]: the file (an AdditionalFiles item) is imported into the same spec a
        // declaration gives, then generated the same way; a file that cannot be imported gives stubs
        // (the analyzer reports why on the attribute).
        IncrementalValuesProvider<KerasImport> imports = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KerasModelReader.AttributeMetadataName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (context, token) => ReadKeras(context, token))
            .Where(static request => request is not null)
            .Combine(context.AdditionalTextsProvider.Collect())
            .Select(static (pair, token) => KerasModelReader.Import(pair.Left!, pair.Right))
            .WithTrackingName(TrackingNames.KerasImport);
        Generate(context, imports.Select(static (import, _) => KerasImportGraph.Of(import)).WithTrackingName(TrackingNames.Graph));
        context.RegisterSourceOutput(imports, static (output, import) =>
        {
            GeneratedFile file = ModelEmitter.EmitKerasFile(import);
            output.AddSource(file.HintName, file.Text);
        });
    }

    /// <summary>Plans and emits each graph: the steps every model, declared or imported, goes through.</summary>
    private static void Generate(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<ModelGraph> graphs)
    {
        IncrementalValuesProvider<PlannedModel> plans = graphs
            .Select(static (graph, token) => PlannedModel.From(graph, token))
            .WithTrackingName(TrackingNames.Plan);

        IncrementalValuesProvider<EquatableArray<GeneratedFile>> sources = plans
            .Select(static (model, token) => ModelEmitter.Emit(model, token))
            .WithTrackingName(TrackingNames.Source);

        context.RegisterSourceOutput(sources, static (output, files) =>
        {
            foreach (GeneratedFile file in files)
            {
                output.AddSource(file.HintName, file.Text);
            }
        });
    }

    private static KerasModelRequest? ReadKeras(GeneratorAttributeSyntaxContext context, CancellationToken token) =>
        context.TargetSymbol is INamedTypeSymbol type && ReaderSymbols.Create(context.SemanticModel.Compilation) is { } symbols
            ? KerasModelReader.ReadRequest(type, symbols, token)
            : null;

    private static ModelSpec? Read(GeneratorAttributeSyntaxContext context, CancellationToken token)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type)
        {
            return null;
        }

        // A class in several partial parts may carry [Input] on more than one; generate it once.
        ReaderSymbols? symbols = ReaderSymbols.Create(context.SemanticModel.Compilation);
        SyntaxNode? primary = symbols is null ? null : ModelReader.PrimaryDeclaration(type, symbols.LayerAttribute, token);
        if (primary is null || primary.SyntaxTree != context.TargetNode.SyntaxTree || primary.Span != context.TargetNode.Span)
        {
            return null;
        }

        return ModelReader.Read(type, symbols!, token);
    }
}
