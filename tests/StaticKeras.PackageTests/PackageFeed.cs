namespace StaticKeras.PackageTests;

/// <summary>
/// Packs StaticKeras and StaticKeras.Templates once for all tests into a temporary folder feed,
/// under a version no other run uses, so restores can only find these fresh packages (never a
/// stale copy in the NuGet cache). Projects created under <see cref="Workspace"/> see the feed
/// through a nuget.config there, next to the machine's usual sources for everything else.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    /// <summary>Creates the temporary folders and packs both packages.</summary>
    public PackageFeed()
    {
        Version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        Directory.CreateDirectory(Workspace);
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Workspace, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="statickeras-test" value="{Folder}" />
              </packageSources>
            </configuration>
            """);

        PackResult = Pack("src/StaticKeras");
        Pack("src/StaticKeras.Templates");
    }

    /// <summary>The unique version of this run's packages.</summary>
    public string Version { get; }

    /// <summary>Everything this run writes; removed at the end.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "statickeras-package-tests-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The folder feed holding the packed .nupkg files.</summary>
    public string Folder => Path.Combine(Root, "feed");

    /// <summary>Where tests create projects: its nuget.config adds the feed.</summary>
    public string Workspace => Path.Combine(Root, "work");

    /// <summary>
    /// MSBuild's bin and obj for every repository project built here (`--artifacts-path`), so
    /// these tests never write into the checkout, and the AOT publish reuses the Release build of the runtime.
    /// </summary>
    public string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>How packing StaticKeras went (its time is in the test output).</summary>
    public CommandResult PackResult { get; }

    /// <summary>The path of a packed package.</summary>
    public string Package(string id) => Path.Combine(Folder, $"{id}.{Version}.nupkg");

    /// <summary>Arguments that build a repository project the way the packages were built.</summary>
    public string[] RepositoryBuildArguments => ["-c", "Release", "--artifacts-path", Artifacts, $"-p:Version={Version}"];

    /// <summary>Removes the temporary folders and this version's copies in the NuGet cache.</summary>
    public void Dispose()
    {
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (string id in new[] { "statickeras", "statickeras.templates" })
        {
            TryDelete(Path.Combine(cache, id, Version.ToLowerInvariant()));
        }

        TryDelete(Root);
    }

    private CommandResult Pack(string project) =>
        Dotnet.Run(Repository.Root, ["pack", Repository.File(project), "-o", Folder, .. RepositoryBuildArguments]).EnsureSuccess();

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; failing a passed test over it is not.
        }
    }
}

/// <summary>The tests that share one <see cref="PackageFeed"/>; they run one after another (each already keeps both cores busy).</summary>
[CollectionDefinition(Name)]
public sealed class DeploymentCollection : ICollectionFixture<PackageFeed>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Deployment";
}
