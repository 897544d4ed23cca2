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

    /// <summary>A fresh empty folder for one test, under one folder per test run (deleted when the run starts again).</summary>
    public static string NewFolder()
    {
        string dir = Path.Combine(RunFolder.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static readonly Lazy<string> RunFolder = new(() =>
    {
        string root = Path.Combine(Path.GetTempPath(), "statickeras-saving-tests-" + Environment.ProcessId);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the folder is in the temp directory.
            }
        };
        return root;
    });
}
