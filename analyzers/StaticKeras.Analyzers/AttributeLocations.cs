using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace StaticKeras.Analyzers;

/// <summary>Maps a layer (and one of its arguments) back to source, so a diagnostic underlines the attribute or argument at fault.</summary>
internal static class AttributeLocations
{
    /// <summary>
    /// The location of <paramref name="argument"/> (element <paramref name="position"/> of a params
    /// array) on <paramref name="attribute"/>, or of the whole attribute when the argument is not written.
    /// </summary>
    public static Location? Find(AttributeData attribute, string? argument, int position, CancellationToken token)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(token) is not AttributeSyntax syntax)
        {
            return null;
        }

        if (argument is null || syntax.ArgumentList is null)
        {
            return syntax.GetLocation();
        }

        SeparatedSyntaxList<AttributeArgumentSyntax> arguments = syntax.ArgumentList.Arguments;
        AttributeArgumentSyntax? named = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == argument
            || string.Equals(a.NameColon?.Name.Identifier.ValueText, argument, StringComparison.OrdinalIgnoreCase));
        if (named is not null)
        {
            return named.GetLocation();
        }

        ImmutableArray<IParameterSymbol> parameters = attribute.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        int index = -1;
        for (int i = 0; i < parameters.Length && index < 0; i++)
        {
            index = string.Equals(parameters[i].Name, argument, StringComparison.OrdinalIgnoreCase) ? i : -1;
        }

        if (index < 0)
        {
            return syntax.GetLocation();
        }

        var positional = arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        bool isParams = parameters[index].IsParams;
        if (isParams && position < 0 && positional.Count > index + 1)
        {
            // The whole params list (a kernel size written as 3, 3): from its first value to its last.
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(positional[index].SpanStart, positional[positional.Count - 1].Span.End));
        }

        int at = index + (isParams && position > 0 ? position : 0);
        return at < positional.Count ? positional[at].GetLocation() : syntax.GetLocation();
    }
}
