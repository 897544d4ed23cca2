using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace StaticKeras.Testing;

/// <summary>
/// Snapshot files: generated output is compared with a checked-in <c>Snapshots/{name}.verified.cs</c>
/// next to the test. Set <c>STATICKERAS_ACCEPT_SNAPSHOTS=1</c> to write new output as the expected one.
/// </summary>
public static class Snapshot
{
    /// <summary>The environment variable that accepts new output.</summary>
    public const string AcceptVariable = "STATICKERAS_ACCEPT_SNAPSHOTS";

    /// <summary>Asserts <paramref name="actual"/> equals the stored snapshot (with the generator version scrubbed).</summary>
    public static void Match(string name, string actual, [CallerFilePath] string testFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        string path = Path.Combine(folder, name + ".verified.cs");
        string scrubbed = Scrub(actual);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(path, scrubbed);
            return;
        }

        if (!File.Exists(path))
        {
            File.WriteAllText(Path.ChangeExtension(path, ".received.cs"), scrubbed);
            Xunit.Assert.Fail($"No snapshot {path}. Review {name}.received.cs and rerun with {AcceptVariable}=1 to accept it.");
        }

        string expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != scrubbed)
        {
            File.WriteAllText(Path.ChangeExtension(path, ".received.cs"), scrubbed);
            Xunit.Assert.Fail($"Generated {name} differs from its snapshot; diff {Path.GetFileName(path)} with {name}.received.cs, and rerun with {AcceptVariable}=1 if the change is intended.\n{FirstDifference(expected, scrubbed)}");
        }
    }

    /// <summary>Removes the generator's version, which changes with every release.</summary>
    public static string Scrub(string source) =>
        Regex.Replace(source.ReplaceLineEndings("\n"), "GeneratedCode\\(\"StaticKeras.Generators\", \"[^\"]*\"\\)", "GeneratedCode(\"StaticKeras.Generators\", \"<version>\")");

    private static string FirstDifference(string expected, string actual)
    {
        string[] a = expected.Split('\n'), b = actual.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string x = i < a.Length ? a[i] : "<end>", y = i < b.Length ? b[i] : "<end>";
            if (x != y)
            {
                return $"line {i + 1}:\n  expected: {x}\n  actual:   {y}";
            }
        }

        return string.Empty;
    }
}
