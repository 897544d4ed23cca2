using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace StaticKeras.Analyzers;

/// <summary>
/// What one method body does with models: calls of <c>Model</c>'s methods in source order, and
/// the locals whose value is known (initialised once with an array of constant length), so a
/// usage check can connect <c>Compile(loss: ...)</c> to a later <c>Fit(x, y)</c>.
/// </summary>
internal sealed class ModelCalls
{
    private readonly List<IInvocationOperation> calls = new();
    private readonly Dictionary<ILocalSymbol, IOperation?> initializers = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> reassigned = new(SymbolEqualityComparer.Default);

    /// <summary>Starts collecting in a method body.</summary>
    public static ModelCalls Collect(OperationBlockStartAnalysisContext context, ModelCatalog catalog)
    {
        var calls = new ModelCalls();
        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                if (catalog.IsModelMethod(invocation.TargetMethod))
                {
                    lock (calls.calls)
                    {
                        calls.calls.Add(invocation);
                    }
                }
            },
            OperationKind.Invocation);
        context.RegisterOperationAction(
            c =>
            {
                var declarator = (IVariableDeclaratorOperation)c.Operation;
                lock (calls.calls)
                {
                    calls.initializers[declarator.Symbol] = declarator.Initializer?.Value;
                }
            },
            OperationKind.VariableDeclarator);
        context.RegisterOperationAction(
            c =>
            {
                if (((IAssignmentOperation)c.Operation).Target is ILocalReferenceOperation local)
                {
                    lock (calls.calls)
                    {
                        calls.reassigned.Add(local.Local);
                    }
                }
            },
            OperationKind.SimpleAssignment,
            OperationKind.CompoundAssignment);
        return calls;
    }

    /// <summary>The collected calls in source order.</summary>
    public IEnumerable<IInvocationOperation> Calls => calls.OrderBy(c => c.Syntax.SpanStart);

    /// <summary>The last <c>Compile</c> on the same receiver before <paramref name="call"/>, if any.</summary>
    public IInvocationOperation? CompileBefore(IInvocationOperation call)
    {
        ISymbol? receiver = Receiver(call.Instance);
        return receiver is null
            ? null
            : Calls.LastOrDefault(c => c.TargetMethod.Name == "Compile" && c.Syntax.SpanStart < call.Syntax.SpanStart && SymbolEqualityComparer.Default.Equals(Receiver(c.Instance), receiver));
    }

    /// <summary>The argument bound to <paramref name="parameter"/>, without implicit conversions.</summary>
    public static IOperation? Argument(IInvocationOperation call, string parameter) =>
        Unwrap(call.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter)?.Value);

    /// <summary>The whole argument syntax bound to <paramref name="parameter"/>, for the diagnostic's location.</summary>
    public static Location? ArgumentLocation(IInvocationOperation call, string parameter) =>
        call.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter)?.Syntax.GetLocation();

    /// <summary>The element count of an array expression, when it is a compile-time constant.</summary>
    public int? ConstantLength(IOperation? value)
    {
        value = Unwrap(value);
        if (value is ILocalReferenceOperation local && !reassigned.Contains(local.Local) && initializers.TryGetValue(local.Local, out IOperation? initializer))
        {
            value = Unwrap(initializer);
        }

        return value switch
        {
            IArrayCreationOperation { Initializer: { } init } => init.ElementValues.Length,
            IArrayCreationOperation { DimensionSizes.Length: 1 } array when array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int n } => n,
            ICollectionExpressionOperation collection when collection.Elements.All(e => e is not ISpreadOperation) => collection.Elements.Length,
            _ => null,
        };
    }

    /// <summary>The symbol a receiver expression names (a local, parameter, field or property).</summary>
    private static ISymbol? Receiver(IOperation? instance) => Unwrap(instance) switch
    {
        ILocalReferenceOperation l => l.Local,
        IParameterReferenceOperation p => p.Parameter,
        IFieldReferenceOperation f => f.Field,
        IPropertyReferenceOperation p => p.Property,
        _ => null,
    };

    private static IOperation? Unwrap(IOperation? value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }
}
