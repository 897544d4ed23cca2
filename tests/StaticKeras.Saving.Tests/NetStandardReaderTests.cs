extern alias netstandard;

using NsClass = netstandard::StaticKeras.Saving.Hdf5.H5TypeClass;
using NsNode = netstandard::StaticKeras.Saving.Hdf5.H5Node;

namespace StaticKeras.Saving.Tests;

/// <summary>
/// The reader built for netstandard2.0 (tests/StaticKeras.Saving.NetStandard, what the source generator
/// will compile to read model files at build time) reads every real file exactly as the runtime does.
/// </summary>
public sealed class NetStandardReaderTests
{
    public static TheoryData<string> Files() => new(
        TestFiles.LegacyH5().Concat(Directory.GetFiles(TestFiles.Hdf5, "*.h5")).Select(p => Path.GetRelativePath(AppContext.BaseDirectory, p)));

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_dataset_and_attribute_reads_the_same_bytes_as_the_runtime_reader(string file)
    {
        byte[] data = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, file));
        var runtime = new List<string>();
        var netstandard = new List<string>();

        Walk(Hdf5.H5Node.OpenRoot(data, file), runtime, n => n.Path, n => n.IsDataset, n => n.ReadData(), n => n.MemberNames.Select(m => n.Member(m)!),
            n => n.Attributes.Select(a => a.Name + "=" + Convert.ToHexString(a.Raw) + (a.Type.Class >= Hdf5.H5TypeClass.String ? string.Join("|", a.Strings()) : string.Empty)));
        Walk(NsNode.OpenRoot(data, file), netstandard, n => n.Path, n => n.IsDataset, n => n.ReadData(), n => n.MemberNames.Select(m => n.Member(m)!),
            n => n.Attributes.Select(a => a.Name + "=" + Convert.ToHexString(a.Raw) + (a.Type.Class >= NsClass.String ? string.Join("|", a.Strings()) : string.Empty)));

        Assert.NotEmpty(runtime);
        Assert.Equal(runtime, netstandard);
    }

    // One walk for both builds: their node types are distinct (one per assembly) but alike.
    private static void Walk<TNode>(TNode node, List<string> log, Func<TNode, string> path, Func<TNode, bool> isDataset, Func<TNode, byte[]> data, Func<TNode, IEnumerable<TNode>> members, Func<TNode, IEnumerable<string>> attributes)
    {
        log.AddRange(attributes(node).Select(a => path(node) + "@" + a));
        if (isDataset(node))
        {
            log.Add(path(node) + "=" + Convert.ToHexString(data(node)));
            return;
        }

        foreach (TNode member in members(node))
        {
            Walk(member, log, path, isDataset, data, members, attributes);
        }
    }
}
