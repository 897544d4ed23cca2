using System.Reflection;

namespace StaticKeras.PackageTests;

/// <summary>Paths in the repository these tests were built from.</summary>
public static class Repository
{
    /// <summary>The repository root (from the build, see the project file).</summary>
    public static string Root { get; } = typeof(Repository).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "StaticKerasRoot").Value!;

    /// <summary>A path under the root, from '/'-separated parts.</summary>
    public static string File(string relativePath) => Path.Combine(Root, relativePath);
}
