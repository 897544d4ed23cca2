using System.Diagnostics;
using System.Text;

namespace StaticKeras.PackageTests;

/// <summary>The output of one command: exit code and stdout and stderr interleaved.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>Fails the test, with the whole output, unless the command succeeded.</summary>
    public CommandResult EnsureSuccess()
    {
        Assert.True(ExitCode == 0, $"`{Command}` exited with {ExitCode} after {Elapsed.TotalSeconds:0.0} s:\n{Output}");
        return this;
    }
}

/// <summary>
/// Runs the `dotnet` CLI (and programs it made) the way a user's shell would, isolated from the
/// test host: no MSBuild variables inherited from `dotnet test`, no build servers left behind.
/// </summary>
public static class Dotnet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    // `dotnet test` exports these for its own build; a child `dotnet build` must find its SDK afresh.
    private static readonly string[] InheritedVariables = ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly"];

    /// <summary>
    /// Runs <c>dotnet</c> with <paramref name="arguments"/>. Node reuse and the shared compiler are
    /// off: a server that outlived the command would hold its output pipe open, and the test with it.
    /// </summary>
    public static CommandResult Run(string workingDirectory, params string[] arguments)
    {
        bool builds = arguments.Length > 0 && arguments[0] is "build" or "pack" or "publish";
        string[] extra = builds ? ["-nodeReuse:false", "-p:UseSharedCompilation=false", "-tl:off"] : [];
        return Start("dotnet", workingDirectory, [.. arguments, .. extra]);
    }

    /// <summary>Runs a program (a published executable) with <paramref name="arguments"/>.</summary>
    public static CommandResult Start(string program, string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (string name in InheritedVariables)
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        // Numbers print as 0.93 whatever the machine's locale, so the assertions can read them.
        info.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        return Wait(info, $"{program} {string.Join(' ', arguments)}");
    }

    private static CommandResult Wait(ProcessStartInfo info, string command)
    {
        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"`{command}` did not finish in {Timeout.TotalMinutes} minutes:\n{Snapshot(output)}");
        }

        process.WaitForExit(); // drains the output handlers
        return new CommandResult(command, process.ExitCode, Snapshot(output), clock.Elapsed);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
