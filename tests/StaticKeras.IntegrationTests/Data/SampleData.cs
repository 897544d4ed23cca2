using System.Runtime.CompilerServices;

namespace StaticKeras.IntegrationTests.Data;

/// <summary>Where the repository keeps the scikit-learn data sets, found from this source file.</summary>
internal static class SampleData
{
    public static string Sklearn { get; } = Locate();

    private static string Locate([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "samples", "data", "sklearn"));
}
