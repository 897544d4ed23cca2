using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using StaticKeras.Modeling.Reading;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Analyzers;

/// <summary>
/// Reports everything wrong with a model declaration: what shape inference finds (SK1xxx shapes,
/// SK2001–SK2009 layers and wiring) on the attribute or argument at fault, and what makes the
/// class unusable for generation (SK2010–SK2015) on its name. The same inference the generator runs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelDeclarationAnalyzer : DiagnosticAnalyzer
{
    private static readonly (DeclarationIssues Issue, DiagnosticDescriptor Descriptor, string Message)[] ClassIssues =
    {
        (DeclarationIssues.NotPartial, DiagnosticDescriptors.NotPartial, "Model '{0}' must be declared partial so StaticKeras can generate its passes into it: write 'partial class {0}'."),
        (DeclarationIssues.Generic, DiagnosticDescriptors.Generic, "Model '{0}' has type parameters, but a model's shapes are fixed at compile time. Remove the type parameters."),
        (DeclarationIssues.UnsupportedNesting, DiagnosticDescriptors.UnsupportedNesting, "Model '{0}' is nested in a type that is not a partial, non-generic class or struct, so nothing can be generated into it. Declare the model at namespace level, or make the containing types partial."),
        (DeclarationIssues.LayersInSeveralParts, DiagnosticDescriptors.LayersInSeveralParts, "Model '{0}' has layer attributes on more than one partial declaration, so their order is undefined. Put all layer attributes on one declaration."),
        (DeclarationIssues.HasBaseClass, DiagnosticDescriptors.HasBaseClass, "Model '{0}' declares a base class, but the generated model derives from StaticKeras.Model. Remove the base class (use composition for shared code)."),
        (DeclarationIssues.UnsupportedKind, DiagnosticDescriptors.UnsupportedKind, "Model '{0}' must be a plain class (not static, abstract or a record) so it can be instantiated and trained."),
    };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.MergeShapeMismatch,
        DiagnosticDescriptors.ConcatenateShapeMismatch,
        DiagnosticDescriptors.ReshapeSizeMismatch,
        DiagnosticDescriptors.IncompatibleInput,
        DiagnosticDescriptors.NonPositiveDimension,
        DiagnosticDescriptors.TooLarge,
        DiagnosticDescriptors.InvalidHyperparameter,
        DiagnosticDescriptors.UnknownInput,
        DiagnosticDescriptors.DuplicateName,
        DiagnosticDescriptors.Cycle,
        DiagnosticDescriptors.NoInput,
        DiagnosticDescriptors.UnusedLayer,
        DiagnosticDescriptors.WrongInputCount,
        DiagnosticDescriptors.MissingInput,
        DiagnosticDescriptors.UnknownLayer,
        DiagnosticDescriptors.InvalidModule,
        DiagnosticDescriptors.NotPartial,
        DiagnosticDescriptors.Generic,
        DiagnosticDescriptors.UnsupportedNesting,
        DiagnosticDescriptors.LayersInSeveralParts,
        DiagnosticDescriptors.HasBaseClass,
        DiagnosticDescriptors.UnsupportedKind);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            ReaderSymbols? symbols = ReaderSymbols.Create(start.Compilation);
            if (symbols is null)
            {
                return; // StaticKeras is not referenced.
            }

            start.RegisterSymbolAction(symbol => Analyze(symbol, symbols), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, ReaderSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        ImmutableArray<AttributeData> attributes = ModelReader.LayerAttributes(type, symbols.LayerAttribute);
        if (attributes.IsEmpty)
        {
            return;
        }

        ModelSpec spec = ModelReader.Read(type, symbols, context.CancellationToken);
        Location name = NameLocation(type, attributes, context);
        foreach (var (issue, descriptor, message) in ClassIssues)
        {
            if ((spec.Issues & issue) != 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, name, string.Format(message, type.Name)));
            }
        }

        ModelGraph graph = ShapeInference.Infer(spec);
        foreach (ModelError error in graph.Errors)
        {
            Location location = error.LayerIndex < 0
                ? name
                : AttributeLocations.Find(attributes[error.LayerIndex], error.Argument, error.ArgumentPosition, context.CancellationToken) ?? name;
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (error.Fix is not null)
            {
                properties = properties.Add(DiagnosticProperties.Fix, error.Fix).Add(DiagnosticProperties.LayerIndex, error.LayerIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.For(error.Kind), location, properties, error.Message));
        }
    }

    /// <summary>The class name on the declaration that carries the layers (the first one otherwise).</summary>
    private static Location NameLocation(INamedTypeSymbol type, ImmutableArray<AttributeData> attributes, SymbolAnalysisContext context)
    {
        SyntaxNode? declaration = attributes[0].ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).Parent?.Parent;
        IEnumerable<TypeDeclarationSyntax> declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(context.CancellationToken)).OfType<TypeDeclarationSyntax>();
        TypeDeclarationSyntax? target = declaration as TypeDeclarationSyntax ?? declarations.FirstOrDefault();
        return target?.Identifier.GetLocation() ?? type.Locations.FirstOrDefault() ?? Location.None;
    }
}
