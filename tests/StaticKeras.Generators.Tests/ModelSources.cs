namespace StaticKeras.Generators.Tests;

/// <summary>The model declarations under Models/, by name.</summary>
public static class ModelSources
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Models", name + ".cs"));

    public static IEnumerable<string> Names() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Models"), "*.cs").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n)!;
}
