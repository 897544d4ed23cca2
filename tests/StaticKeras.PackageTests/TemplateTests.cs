using System.Globalization;
using System.Text.RegularExpressions;

namespace StaticKeras.PackageTests;

/// <summary>`dotnet new statickeras` from the packed template creates a project that builds against the packed StaticKeras and learns.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class TemplateTests(PackageFeed feed)
{
    [Fact]
    public void Dotnet_new_statickeras_creates_a_project_that_builds_trains_and_predicts()
    {
        // A private template hive: installing must not touch the machine's own `dotnet new` list.
        string hive = Path.Combine(feed.Root, "template-hive");
        Dotnet.Run(feed.Workspace, "new", "install", feed.Package("StaticKeras.Templates"), "--debug:custom-hive", hive).EnsureSuccess();
        Dotnet.Run(feed.Workspace, "new", "statickeras", "-o", "FromTemplate", "--debug:custom-hive", hive).EnsureSuccess();

        string folder = Path.Combine(feed.Workspace, "FromTemplate");
        Assert.Contains($"Include=\"StaticKeras\" Version=\"{feed.Version}\"", File.ReadAllText(Path.Combine(folder, "FromTemplate.csproj")));
        Assert.Contains("0 Warning(s)", Dotnet.Run(folder, "build").EnsureSuccess().Output);

        string output = Dotnet.Run(folder, "exec", Path.Combine(folder, "bin", "Debug", "net10.0", "FromTemplate.dll")).EnsureSuccess().Output;
        Assert.Contains("dense_1 (Dense)", output); // Summary() printed the Keras table
        Match accuracy = Regex.Match(output, @"accuracy: (\d\.\d\d)");
        Assert.True(accuracy.Success, output);
        Assert.True(double.Parse(accuracy.Groups[1].Value, CultureInfo.InvariantCulture) >= 0.9, output);
    }
}
