using System.Runtime.InteropServices;
using StaticKeras.Saving.Hdf5;

namespace StaticKeras.Saving.Tests;

public sealed class ScratchWrite
{
    [Fact]
    public void Write()
    {
        var root = H5WriteNode.Group("");
        var vars = root.GroupAt("layers/dense/vars");
        vars.Attributes.Add(H5WriteAttribute.String("name", "dense"));
        float[] k = Enumerable.Range(0, 12).Select(i => i * 0.5f).ToArray();
        vars.Children.Add(H5WriteNode.Dataset("0", H5Type.Float32, [3, 4], MemoryMarshal.AsBytes(k.AsSpan()).ToArray()));
        vars.Children.Add(H5WriteNode.Dataset("1", H5Type.Float32, [0], Array.Empty<byte>()));
        var opt = root.GroupAt("optimizer/vars");
        opt.Children.Add(H5WriteNode.Dataset("0", H5Type.Int64, [], BitConverter.GetBytes(42L)));
        opt.Attributes.Add(H5WriteAttribute.Strings("weight_names", ["a", "bcd"]));
        using (var fs = File.Create("/tmp/w.h5"))
        {
            H5Writer.Write(fs, root);
        }

        var r = H5Node.OpenRoot(File.ReadAllBytes("/tmp/w.h5"), "w.h5");
        Assert.Equal(k, MemoryMarshal.Cast<byte, float>(r.Member("layers")!.Member("dense")!.Member("vars")!.Member("0")!.ReadData()).ToArray());
    }
}
