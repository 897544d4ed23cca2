using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace StaticKeras.Generators.Planning;

/// <summary>
/// Hands out the C# identifiers of emitted locals, derived from layer names and kept unique
/// across a whole pass (a layer named <c>dense_kernel</c> cannot clash with <c>dense</c>'s kernel).
/// </summary>
internal sealed class Identifiers
{
    /// <summary>Names the generated methods already use for their parameters.</summary>
    private readonly HashSet<string> taken = new()
    {
        "input", "output", "workspace", "batch", "parameters", "gradients", "outputGradientIsPreActivation",
    };

    /// <summary>A unique identifier as close to <paramref name="preferred"/> as possible.</summary>
    public string Claim(string preferred)
    {
        string candidate = Sanitize(preferred);
        string unique = candidate;
        for (int n = 2; !taken.Add(unique); n++)
        {
            unique = candidate + "_" + n;
        }

        return unique;
    }

    private static string Sanitize(string name)
    {
        var sb = new StringBuilder(name.Length + 1);
        foreach (char c in name)
        {
            sb.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (sb.Length == 0 || char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        string id = sb.ToString();
        return SyntaxFacts.GetKeywordKind(id) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(id) != SyntaxKind.None ? "_" + id : id;
    }
}
