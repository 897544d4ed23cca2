using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace StaticKeras.Testing;

/// <summary>
/// Diagnostic markup in test sources: <c>{|SK1001:[Add("x", "p")]|}</c> marks the span where
/// diagnostic SK1001 is expected. <see cref="Parse"/> returns the plain source and the expectations.
/// </summary>
public static partial class Markup
{
    /// <summary>The source without markup, and each expected (id, span) in order of appearance.</summary>
    public static (string Source, IReadOnlyList<(string Id, TextSpan Span)> Expected) Parse(string markup)
    {
        var source = new StringBuilder();
        var expected = new List<(string, TextSpan)>();
        var open = new Stack<(string Id, int Start)>();
        int i = 0;
        while (i < markup.Length)
        {
            Match start = Open().Match(markup, i);
            int close = markup.IndexOf("|}", i, StringComparison.Ordinal);
            if (start.Success && start.Index == i)
            {
                open.Push((start.Groups[1].Value, source.Length));
                i += start.Length;
            }
            else if (close == i && open.Count > 0)
            {
                (string id, int from) = open.Pop();
                expected.Add((id, TextSpan.FromBounds(from, source.Length)));
                i += 2;
            }
            else
            {
                source.Append(markup[i]);
                i++;
            }
        }

        return (source.ToString(), expected.OrderBy(e => e.Item2.Start).ToList());
    }

    [GeneratedRegex(@"\{\|(SK\d{4}):")]
    private static partial Regex Open();
}
