using System.Reflection;
using StaticKeras.Testing;

namespace StaticKeras.Generators.Tests;

/// <summary>The models under Models/, compiled once with the generator's output and loaded.</summary>
public static class GeneratedModels
{
    private static readonly Lazy<Assembly> Assembly = new(() =>
        GeneratorRun.Run(ModelSources.Names().Where(n => n != "Invalid").Select(ModelSources.Read).ToArray()).Load());

    /// <summary>A new instance of the model class <paramref name="fullName"/>.</summary>
    public static Model Create(string fullName, int seed = 7) =>
        (Model)Activator.CreateInstance(Assembly.Value.GetType(fullName, throwOnError: true)!, (int?)seed)!;
}
