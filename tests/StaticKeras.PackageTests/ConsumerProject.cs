namespace StaticKeras.PackageTests;

/// <summary>A console project outside the repository that references only the StaticKeras package.</summary>
public sealed class ConsumerProject
{
    private ConsumerProject(string folder) => Folder = folder;

    /// <summary>The project folder.</summary>
    public string Folder { get; }

    /// <summary>Program.cs, the one source file.</summary>
    public string ProgramFile => Path.Combine(Folder, "Program.cs");

    /// <summary>Writes the project file and <paramref name="program"/> into a new folder of the feed's workspace.</summary>
    public static ConsumerProject Create(PackageFeed feed, string name, string program)
    {
        string folder = Path.Combine(feed.Workspace, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="StaticKeras" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        var project = new ConsumerProject(folder);
        project.Write(program);
        return project;
    }

    /// <summary>Replaces Program.cs.</summary>
    public void Write(string program) => File.WriteAllText(ProgramFile, program);

    /// <summary><c>dotnet build</c> (Debug), however it ends.</summary>
    public CommandResult Build() => Dotnet.Run(Folder, "build");

    /// <summary>Runs the built program.</summary>
    public CommandResult Run() => Dotnet.Run(Folder, "exec", Path.Combine(Folder, "bin", "Debug", "net10.0", Path.GetFileName(Folder) + ".dll"));
}
