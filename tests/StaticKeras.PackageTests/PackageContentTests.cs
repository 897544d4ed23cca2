using System.IO.Compression;
using System.Xml.Linq;

namespace StaticKeras.PackageTests;

/// <summary>The StaticKeras package holds exactly the runtime, the Roslyn components (generator, analyzers, code fixes) and the documents, and depends only on System.Numerics.Tensors.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class PackageContentTests(PackageFeed feed)
{
    [Fact]
    public void The_package_holds_the_runtime_the_generator_the_analyzers_the_code_fixes_and_the_documents()
    {
        using ZipArchive package = ZipFile.OpenRead(feed.Package("StaticKeras"));
        string[] files = package.Entries
            .Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            [
                "LICENSE",
                "README.md",
                "StaticKeras.nuspec",
                "analyzers/dotnet/cs/StaticKeras.Analyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/StaticKeras.Analyzers.dll",
                "analyzers/dotnet/cs/StaticKeras.Generators.dll",
                "lib/net10.0/StaticKeras.dll",
                "lib/net10.0/StaticKeras.xml",
            ],
            files);
    }

    [Fact]
    public void The_only_dependency_is_System_Numerics_Tensors()
    {
        using ZipArchive package = ZipFile.OpenRead(feed.Package("StaticKeras"));
        using Stream nuspec = package.GetEntry("StaticKeras.nuspec")!.Open();
        XElement metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string[] dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).ToArray();
        Assert.Equal(["System.Numerics.Tensors"], dependencies);
        Assert.Equal("MIT", metadata.Elements().Single(e => e.Name.LocalName == "license").Value);
        Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
    }
}
