using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace StaticKeras.Analyzers;

/// <summary>
/// One call of a <c>Model</c> method, and what the code around it says: the <c>Compile</c> made
/// on the same receiver earlier in the same body, and the length of arrays whose size is a
/// constant. Only the syntax a question needs is bound, so usage checks stay cheap in builds.
/// </summary>
internal sealed class ModelCalls
{
    private readonly SemanticModel model;
    private readonly SyntaxNode body;
    private readonly CancellationToken token;

    private ModelCalls(IInvocationOperation call, SemanticModel model, SyntaxNode body, CancellationToken token)
    {
        Call = call;
        this.model = model;
        this.body = body;
        this.token = token;
    }

    /// <summary>The call.</summary>
    public IInvocationOperation Call { get; }

    /// <summary>The call at <paramref name="syntax"/> when it is a <c>Model</c> method named in <paramref name="names"/>; null otherwise.</summary>
    public static ModelCalls? At(InvocationExpressionSyntax syntax, SemanticModel model, ModelCatalog catalog, ICollection<string> names, CancellationToken token)
    {
        // A syntactic filter first: most invocations are not ours, and binding them is the cost.
        string? name = syntax.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
        if (name is null || !names.Contains(name)
            || model.GetOperation(syntax, token) is not IInvocationOperation call || !catalog.IsModelMethod(call.TargetMethod))
        {
            return null;
        }

        SyntaxNode body = syntax.Ancestors().FirstOrDefault(IsBody) ?? syntax.SyntaxTree.GetRoot(token);
        return new ModelCalls(call, model, body, token);
    }

    /// <summary>The last <c>Compile</c> on the same receiver before this call in the same body, if any.</summary>
    public IInvocationOperation? CompileBefore()
    {
        ISymbol? receiver = Receiver(Call.Instance);
        if (receiver is null)
        {
            return null;
        }

        return body.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.SpanStart < Call.Syntax.SpanStart && i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Compile" })
            .Select(i => model.GetOperation(i, token) as IInvocationOperation)
            .LastOrDefault(c => c is not null && SymbolEqualityComparer.Default.Equals(Receiver(c.Instance), receiver));
    }

    /// <summary>The argument bound to <paramref name="parameter"/>, without implicit conversions.</summary>
    public static IOperation? Argument(IInvocationOperation call, string parameter) =>
        Unwrap(call.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter)?.Value);

    /// <summary>The whole argument syntax bound to <paramref name="parameter"/>, for the diagnostic's location.</summary>
    public static Location? ArgumentLocation(IInvocationOperation call, string parameter) =>
        call.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter)?.Syntax.GetLocation();

    /// <summary>
    /// The element count of an array expression when it is a compile-time constant: an array
    /// creation, a collection expression without spreads, or a local initialised with one and
    /// never assigned again in this body.
    /// </summary>
    public int? ConstantLength(IOperation? value)
    {
        value = Unwrap(value);
        if (value is ILocalReferenceOperation local)
        {
            value = IsAssignedAgain(local.Local) ? null : Unwrap(Initializer(local.Local));
        }

        return value switch
        {
            IArrayCreationOperation { Initializer: { } init } => init.ElementValues.Length,
            IArrayCreationOperation { DimensionSizes.Length: 1 } array when array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int n } => n,
            ICollectionExpressionOperation collection when collection.Elements.All(e => e is not ISpreadOperation) => collection.Elements.Length,
            _ => null,
        };
    }

    private IOperation? Initializer(ILocalSymbol local) =>
        local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(token) is VariableDeclaratorSyntax { Initializer.Value: { } value } && value.SyntaxTree == model.SyntaxTree
            ? model.GetOperation(value, token)
            : null;

    /// <summary>True when the body assigns the local after its declaration (or passes it by ref or out).</summary>
    private bool IsAssignedAgain(ILocalSymbol local) => body.DescendantNodes().Any(n =>
        (n is AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } && left.Identifier.ValueText == local.Name
            || n is ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword, Expression: IdentifierNameSyntax arg } && arg.Identifier.ValueText == local.Name)
        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n is AssignmentExpressionSyntax a ? a.Left : ((ArgumentSyntax)n).Expression, token).Symbol, local));

    /// <summary>The symbol a receiver expression names (a local, parameter, field or property).</summary>
    private static ISymbol? Receiver(IOperation? instance) => Unwrap(instance) switch
    {
        ILocalReferenceOperation l => l.Local,
        IParameterReferenceOperation p => p.Parameter,
        IFieldReferenceOperation f => f.Field,
        IPropertyReferenceOperation p => p.Property,
        _ => null,
    };

    private static bool IsBody(SyntaxNode node) =>
        node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or PropertyDeclarationSyntax;

    private static IOperation? Unwrap(IOperation? value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }
}
