using System.Diagnostics;
using System.Text.RegularExpressions;

namespace StaticKeras.Analyzers.Tests;

/// <summary>The real <c>dotnet build</c> on a small project: the shape error arrives as a compiler error on the [Add] line.</summary>
public sealed class BuildTests
{
    [Fact]
    public void Dotnet_build_reports_the_shape_error_on_the_attribute_line()
    {
        string repository = Repository();
        string folder = Path.Combine(Path.GetTempPath(), "statickeras-build-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <Import Project="{Path.Combine(repository, "src", "StaticKeras", "StaticKeras.Reference.props")}" />
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder, "Program.cs"), """
                using StaticKeras;

                [Input(2, Name = "x")]
                [Dense(3, Name = "p")]
                [Add("x", "p")]
                public partial class Residual;

                public static class Program
                {
                    public static void Main() => new Residual(seed: 1).Summary();
                }
                """);

            (int exitCode, string output) = Run("dotnet", $"build \"{Path.Combine(folder, "App.csproj")}\" -nologo -v:q -p:TreatWarningsAsErrors=false", folder);
            Assert.NotEqual(0, exitCode);
            Match error = Regex.Match(output, @"(?<file>[^\s:]+Program\.cs)\((?<line>\d+),(?<column>\d+)\): error (?<id>SK\d{4}): (?<message>[^\[]+)");
            Assert.True(error.Success, "No SK error in the build output:\n" + output);
            Assert.Equal("SK1001", error.Groups["id"].Value);
            Assert.Equal("5", error.Groups["line"].Value);
            Assert.Contains("'x' is (None, 2) and 'p' is (None, 3)", error.Groups["message"].Value);
            Assert.DoesNotMatch(@"error CS\d{4}", output); // the generator's stubs keep the rest compiling: no cascade
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StaticKeras.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (StaticKeras.sln) was not found above " + AppContext.BaseDirectory);
    }

    private static (int ExitCode, string Output) Run(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDNODEREUSE"] = "0"; // leave no build servers behind in CI
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
