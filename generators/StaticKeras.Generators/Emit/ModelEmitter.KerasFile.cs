using System.Linq;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Text;

namespace StaticKeras.Generators.Emit;

internal static partial class ModelEmitter
{
    /// <summary>
    /// For a <c>[KerasModel]</c> class: the file's name and <c>LoadKerasWeights()</c>, which loads its
    /// weights from beside the application, or, with <c>EmbedWeights</c>, from the file's bytes
    /// compiled into the assembly (a <c>ReadOnlySpan&lt;byte&gt;</c> of constants: data in the binary, no resource lookup).
    /// </summary>
    public static GeneratedFile EmitKerasFile(KerasImport import) => File(import.Request.Type, "KerasFile", writer =>
    {
        string name = import.Request.Type.Name;
        using (writer.WriteBlock($"partial class {name}"))
        {
            writer.WriteLine($"/// <summary>The Keras file this model was compiled from: <c>{Xml(import.Request.Path)}</c>.</summary>");
            writer.WriteLine($"public const string KerasFile = {Literal(import.Request.Path)};");
            writer.WriteLine();
            if (import.Request.EmbedWeights)
            {
                writer.WriteLine("/// <summary>Loads the Keras file's weights, compiled into this assembly (no file is read).</summary>");
                writer.WriteLine($"public void LoadKerasWeights() => LoadWeights(KerasFileBytes.ToArray(), {Literal(import.FileName)});");
                writer.WriteLine();
                writer.WriteLine("/// <summary>The Keras file's bytes.</summary>");
                writer.WriteLine("private static global::System.ReadOnlySpan<byte> KerasFileBytes =>");
                using (writer.Indent())
                {
                    writer.WriteLine("[");
                    using (writer.Indent())
                    {
                        for (int i = 0; i < import.Embedded.Count; i += 32)
                        {
                            writer.WriteLine(string.Join(", ", import.Embedded.Skip(i).Take(32).Select(b => "0x" + b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))) + ",");
                        }
                    }

                    writer.WriteLine("];");
                }
            }
            else
            {
                writer.WriteLine("/// <summary>Loads the Keras file's weights from <paramref name=\"path\"/>, by default the file beside the application (copy it to the output).</summary>");
                writer.WriteLine("/// <param name=\"path\">The file; <see cref=\"KerasFile\"/> under the application's folder when null.</param>");
                writer.WriteLine("public void LoadKerasWeights(string path = null) =>");
                using (writer.Indent())
                {
                    writer.WriteLine("LoadWeights(path ?? global::System.IO.Path.Combine(global::System.AppContext.BaseDirectory, KerasFile));");
                }
            }
        }
    });
}
