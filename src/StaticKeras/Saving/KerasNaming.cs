using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace StaticKeras.Saving;

/// <summary>
/// The keys Keras 3 saves objects under: the snake-cased class name (keras/src/utils/naming.py,
/// <c>to_snake_case</c>), made unique within a container by a counter (saving_lib.py,
/// <c>_save_container_state</c>): <c>Dense, Dense, ReLU</c> become <c>dense, dense_1, re_lu</c>.
/// </summary>
public static partial class KerasNaming
{
    /// <summary>Keras's <c>to_snake_case</c>: <c>BatchNormalization</c> → <c>batch_normalization</c>, <c>ReLU</c> → <c>re_lu</c>, <c>Conv2D</c> → <c>conv2d</c>.</summary>
    public static string ToSnakeCase(string className)
    {
        ArgumentNullException.ThrowIfNull(className);
        string name = NonWord().Replace(className, string.Empty);
        name = WordStart().Replace(name, "$1_$2");
        return LowerUpper().Replace(name, "$1_$2").ToLowerInvariant();
    }

    /// <summary>
    /// The keys of a container's objects, in order, from their class names: the first of a class gets
    /// the snake-cased name, the next ones <c>_1</c>, <c>_2</c>, ... (the layer's own name plays no part).
    /// </summary>
    public static IReadOnlyList<string> SaveKeys(IEnumerable<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (string className in classNames)
        {
            string name = ToSnakeCase(className);
            if (used.TryGetValue(name, out int count))
            {
                used[name] = count + 1;
                keys.Add(name + "_" + (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                used[name] = 0;
                keys.Add(name);
            }
        }

        return keys;
    }

    // Python's re: \W+ removed, then "(.)([A-Z][a-z]+)" and "([a-z])([A-Z])" split by "_" (ASCII classes).
    [GeneratedRegex(@"\W+", RegexOptions.CultureInvariant)]
    private static partial Regex NonWord();

    [GeneratedRegex("(.)([A-Z][a-z]+)", RegexOptions.CultureInvariant)]
    private static partial Regex WordStart();

    [GeneratedRegex("([a-z])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex LowerUpper();
}
