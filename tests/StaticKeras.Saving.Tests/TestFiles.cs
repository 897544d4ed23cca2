namespace StaticKeras.Saving.Tests;

/// <summary>Where the copied real files are (tests/data, copied next to the test assembly) and scratch folders.</summary>
internal static class TestFiles
{
    public static string KerasModels => Path.Combine(AppContext.BaseDirectory, "keras_models");

    public static string Hdf5 => Path.Combine(AppContext.BaseDirectory, "hdf5");

    public static string Keras3(string name) => Path.Combine(KerasModels, "keras3", name);

    /// <summary>Every real legacy Keras 2 file (whole models, weights-only, and inputs/outputs).</summary>
    public static IEnumerable<string> LegacyH5() =>
        Directory.GetFiles(KerasModels, "*.h5", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    /// <summary>A fresh empty folder for one test.</summary>
    public static string NewFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "statickeras-saving-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
