using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Reading;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Analyzers;

/// <summary>
/// Reports what stops a <c>[KerasModel("m.keras")]</c> class from being generated, on the attribute:
/// a file that is not an AdditionalFiles item or cannot be read (SK2017); a layer or argument
/// StaticKeras cannot express (SK2018, naming the file, the layer, the argument and its value);
/// and whatever shape inference finds in the imported model (its usual SK1xxx/SK2xxx, naming the file).
/// The same import the generator runs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KerasModelAnalyzer : DiagnosticAnalyzer
{
    private static readonly ErrorKind[] Kinds = (ErrorKind[])System.Enum.GetValues(typeof(ErrorKind));

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Kinds.Select(DiagnosticDescriptors.For).Concat(new[] { DiagnosticDescriptors.KerasFileUnreadable, DiagnosticDescriptors.KerasFileUnsupported }).Distinct().ToImmutableArray();

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            ReaderSymbols? symbols = ReaderSymbols.Create(start.Compilation);
            if (symbols is null || start.Compilation.GetTypeByMetadataName(KerasModelReader.AttributeMetadataName) is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbol => Analyze(symbol, symbols), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, ReaderSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (KerasModelReader.ReadRequest(type, symbols, context.CancellationToken) is not { } request)
        {
            return;
        }

        AttributeData attribute = type.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == KerasModelReader.AttributeMetadataName);
        Location location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault() ?? Location.None;
        KerasImport import = KerasModelReader.Import(request, context.Options.AdditionalFiles);
        foreach (string problem in import.Problems)
        {
            // Problems about the file as a whole start by naming it; the others name a layer.
            DiagnosticDescriptor descriptor = problem.StartsWith("The Keras file", System.StringComparison.Ordinal) ? DiagnosticDescriptors.KerasFileUnreadable : DiagnosticDescriptors.KerasFileUnsupported;
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, problem));
        }

        if (import.Spec is { } spec)
        {
            foreach (ModelError error in ShapeInference.Infer(spec).Errors)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.For(error.Kind), location, $"In {import.FileName}: {error.Message}"));
            }
        }
    }
}
