using System;
using System.Collections.Generic;

namespace StaticKeras.Modeling.Shapes;

/// <summary>Finds the closest known name to a misspelt one (edit distance), for "did you mean" hints and code fixes.</summary>
internal static class NameSuggestion
{
    /// <summary>
    /// The candidate <paramref name="name"/> begins, else the nearest by edit distance, or null when
    /// none is close (more than half the letters differ).
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        // A truncated name ("glorot") means the first candidate it begins.
        foreach (string candidate in candidates)
        {
            if (name.Length >= 3 && candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(1, Math.Max(name.Length, best.Length) / 2) ? best : null;
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
