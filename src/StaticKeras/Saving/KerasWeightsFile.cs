using System;
using System.Collections.Generic;
using System.IO;
using StaticKeras.Saving.Hdf5;

namespace StaticKeras.Saving;

/// <summary>
/// Keras 3's <c>.weights.h5</c> format (what <c>model.save_weights</c> writes and
/// <c>model.load_weights</c> reads; keras/src/saving/saving_lib.py, <c>H5IOStore</c>): every saved
/// object's variables in a <c>vars</c> group as datasets <c>0</c>, <c>1</c>, ..., layers under
/// <c>layers/&lt;key&gt;</c>, the optimizer under <c>optimizer</c>.
/// </summary>
public static class KerasWeightsFile
{
    /// <summary>Writes <paramref name="layers"/> and the optimizer's variables to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, IReadOnlyList<LayerVariables> layers, OptimizerVariables? optimizer = null) =>
        Write(path, new KerasWeights(layers, optimizer));

    /// <summary>
    /// Writes <paramref name="weights"/> to <paramref name="path"/> through <see cref="AtomicFile"/>: a crash
    /// mid-write leaves the previous file intact.
    /// </summary>
    public static void Write(string path, KerasWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        H5WriteNode root = BuildTree(weights);
        AtomicFile.Write(path, stream => H5Writer.Write(stream, root));
    }

    /// <summary>Writes <paramref name="weights"/> as an HDF5 image into <paramref name="stream"/> (which must be seekable).</summary>
    public static void Write(Stream stream, KerasWeights weights)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(weights);
        H5Writer.Write(stream, BuildTree(weights));
    }

    /// <summary>Reads and validates a Keras 3 weights file.</summary>
    /// <exception cref="ModelFileException">The file is truncated, corrupted or not a Keras 3 weights file; names the object and what was expected.</exception>
    public static KerasWeights Read(string path) => Read(FileBytes.ReadAll(path), Path.GetFileName(path));

    /// <summary>Reads and validates a Keras 3 weights file held in memory; <paramref name="name"/> names it in errors.</summary>
    public static KerasWeights Read(byte[] data, string name)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FileBytes.Guard(name, () => ReadTree(H5Node.OpenRoot(data, name), name));
    }

    private static KerasWeights ReadTree(H5Node root, string name)
    {
        var groups = new List<VariableGroup>();
        Collect(root, groups);
        var layers = new List<LayerVariables>();
        var others = new List<VariableGroup>();
        OptimizerVariables? optimizer = null;
        string? modelName = null;
        foreach (VariableGroup g in groups)
        {
            // tf.keras 2.13 saved layers under _layer_checkpoint_dependencies (Keras 3 reads both).
            string path = g.Path.StartsWith("_layer_checkpoint_dependencies/", StringComparison.Ordinal) ? "layers" + g.Path.Substring(30) : g.Path;
            if (path.StartsWith("layers/", StringComparison.Ordinal))
            {
                layers.Add(new LayerVariables(path.Substring(7), g.Name, g.Variables) { SourceFile = name });
            }
            else if (path == "optimizer")
            {
                optimizer = new OptimizerVariables(g.Name, g.Variables) { SourceFile = name };
            }
            else if (path.Length == 0 && g.Variables.Count == 0)
            {
                modelName = g.Name;
            }
            else
            {
                others.Add(new VariableGroup(path, g.Name, g.Variables) { SourceFile = name });
            }
        }

        return new KerasWeights(layers, optimizer, modelName, others) { SourceFile = name };
    }

    private static void Collect(H5Node group, List<VariableGroup> groups)
    {
        foreach (string member in group.MemberNames)
        {
            H5Node child = group.Member(member)!;
            if (member == "vars" && child.IsGroup)
            {
                groups.Add(new VariableGroup(group.Path, child.Attribute("name")?.String(), ReadVars(child)));
            }
            else if (child.IsGroup)
            {
                Collect(child, groups);
            }
        }
    }

    // Keras names a group's datasets 0..n-1; HDF5 lists them by name (0, 1, 10, 2, ...), so sort by number.
    private static List<KerasVariable> ReadVars(H5Node vars)
    {
        IReadOnlyList<string> names = vars.MemberNames;
        var byIndex = new string?[names.Count];
        foreach (string n in names)
        {
            if (!int.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int i) || i >= names.Count || byIndex[i] != null)
            {
                throw vars.Error($"holds a member named '{n}'; Keras stores a saved object's variables as datasets named 0 to {names.Count - 1}");
            }

            byIndex[i] = n;
        }

        var result = new List<KerasVariable>(names.Count);
        for (int i = 0; i < byIndex.Length; i++)
        {
            result.Add(VariableCodec.Read(vars.Member(byIndex[i]!)!, byIndex[i]!));
        }

        return result;
    }

    private static H5WriteNode BuildTree(KerasWeights weights)
    {
        var root = H5WriteNode.Group(string.Empty);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (weights.ModelName != null)
        {
            root.GroupAt("vars").Attributes.Add(H5WriteAttribute.String("name", weights.ModelName));
        }

        foreach (VariableGroup g in weights.AllGroups())
        {
            if (!seen.Add(g.Path))
            {
                throw new ArgumentException($"Two groups of variables are saved at '{g.Path}'; every layer needs its own key (dense, dense_1, ...).", nameof(weights));
            }

            H5WriteNode vars = root.GroupAt(g.Path.Length == 0 ? "vars" : g.Path + "/vars");
            if (g.Name != null)
            {
                vars.Attributes.Add(H5WriteAttribute.String("name", g.Name));
            }

            for (int i = 0; i < g.Variables.Count; i++)
            {
                vars.Children.Add(VariableCodec.Dataset(g.Variables[i], i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return root;
    }
}
