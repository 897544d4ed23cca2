using StaticKeras.Saving.Hdf5;

namespace StaticKeras.Saving.Tests;

public sealed class ScratchDump
{
    [Fact]
    public void Dump()
    {
        var log = new System.Text.StringBuilder();
        foreach (string f in Directory.GetFiles(AppContext.BaseDirectory, "*.h5", SearchOption.AllDirectories))
        {
            log.AppendLine("== " + f);
            try
            {
                var root = H5Node.OpenRoot(File.ReadAllBytes(f), Path.GetFileName(f));
                Walk(root, log);
            }
            catch (Exception e)
            {
                log.AppendLine("!! " + e.GetType().Name + ": " + e.Message);
            }
        }

        File.WriteAllText("/tmp/dump.txt", log.ToString());
    }

    private static void Walk(H5Node node, System.Text.StringBuilder log)
    {
        foreach (var a in node.Attributes)
        {
            string v;
            try { v = string.Join("|", a.Strings()); } catch (Exception) { v = Convert.ToHexString(a.Raw); }
            log.AppendLine($"{node.Path}@{a.Name} {a.Type} [{string.Join(",", a.Dims ?? [])}] {(v.Length > 80 ? v[..80] : v)}");
        }

        if (node.IsDataset)
        {
            var t = node.DataType();
            byte[] d = node.ReadData();
            string vals = t.Class == H5TypeClass.FloatingPoint && t.Size == 4 && !t.BigEndian ? string.Join(",", System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(d).ToArray().Take(8)) : Convert.ToHexString(d.Take(16).ToArray());
            log.AppendLine($"{node.Path} {t} [{string.Join(",", node.Shape())}] {d.Length}B {vals}");
            return;
        }

        foreach (string n in node.MemberNames)
        {
            Walk(node.Member(n)!, log);
        }
    }
}
