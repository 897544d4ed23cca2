using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StaticKeras.Analyzers;

/// <summary>
/// A loss as written at a <c>Compile</c> call: its type and whether it was created with
/// <c>fromLogits: true</c> (or <c>FromLogits = true</c>), and where.
/// </summary>
/// <param name="TypeName">The loss class (<c>SparseCategoricalCrossentropy</c>).</param>
/// <param name="FromLogits">True when created from logits.</param>
/// <param name="FromLogitsLocation">The argument or initializer that says so.</param>
internal sealed record LossDescription(string TypeName, bool FromLogits, Location? FromLogitsLocation)
{
    /// <summary>True for the loss that takes one class id per row.</summary>
    public bool IsSparse => TypeName == "SparseCategoricalCrossentropy";

    /// <summary>Reads <c>new SparseCategoricalCrossentropy(fromLogits: true)</c>, <c>new X { FromLogits = true }</c> or <c>Losses.X</c>; null for anything else.</summary>
    public static LossDescription? From(IOperation? value)
    {
        switch (value)
        {
            case IObjectCreationOperation { Type: INamedTypeSymbol type } creation when InStaticKeras(type):
                IArgumentOperation? argument = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "fromLogits" && a.ArgumentKind == ArgumentKind.Explicit);
                if (argument is { Value.ConstantValue: { HasValue: true, Value: true } })
                {
                    return new LossDescription(type.Name, true, argument.Syntax.GetLocation());
                }

                ISimpleAssignmentOperation? init = creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
                    .FirstOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: "FromLogits" } && a.Value.ConstantValue is { HasValue: true, Value: true });
                return new LossDescription(type.Name, init is not null, init?.Syntax.GetLocation());
            case IPropertyReferenceOperation { Property: { IsStatic: true, ContainingType.Name: "Losses" } property } when InStaticKeras(property.ContainingType):
                return new LossDescription(property.Name, false, null);
            default:
                return null;
        }
    }

    private static bool InStaticKeras(INamedTypeSymbol type) => type.ContainingNamespace?.ToDisplayString() == "StaticKeras";
}
