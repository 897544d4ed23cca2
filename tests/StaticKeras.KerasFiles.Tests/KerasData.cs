using StaticKeras.Saving.Hdf5;

namespace StaticKeras.KerasFiles.Tests;

/// <summary>The real Keras files (tests/data/keras_models, copied beside the assembly) and scratch folders.</summary>
internal static class KerasData
{
    public static string Models => Path.Combine(AppContext.BaseDirectory, "keras_models");

    public static string File(string relative) => Path.Combine(Models, relative);

    /// <summary>A dataset of a <c>*_inputs_and_outputs.h5</c> file as floats (Keras stored float32 or float64).</summary>
    public static float[] Dataset(string relative, string dataset)
    {
        H5Node node = H5Node.OpenRoot(System.IO.File.ReadAllBytes(File(relative)), relative);
        foreach (string part in dataset.Split('/'))
        {
            node = node.Member(part) ?? throw new InvalidOperationException($"{relative} has no {dataset}");
        }

        KerasVariable v = VariableCodec.Read(node, dataset);
        return v.DType == KerasDType.Float32 ? v.AsFloat32().ToArray() : Array.ConvertAll(v.AsFloat64().ToArray(), d => (float)d);
    }

    /// <summary>The one dataset in a group of an inputs-and-outputs file (its name is the layer's).</summary>
    public static float[] Only(string relative, string group)
    {
        H5Node root = H5Node.OpenRoot(System.IO.File.ReadAllBytes(File(relative)), relative);
        string name = root.Member(group)!.MemberNames.Single();
        return Dataset(relative, group + "/" + name);
    }

    /// <summary>A fresh folder for one test.</summary>
    public static string NewFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "statickeras-kerasfiles-" + Environment.ProcessId, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
