using System.Collections.Generic;
using System.Text;
using StaticKeras.Generators.Planning;
using StaticKeras.Modeling.Text;

namespace StaticKeras.Generators.Emit;

/// <summary>
/// Writes planned calls as statements: on one line when it fits in <see cref="LineLength"/>,
/// otherwise the target and its arguments packed onto indented lines, broken between arguments.
/// </summary>
internal static class CallWriter
{
    /// <summary>The longest line the generated code aims for.</summary>
    public const int LineLength = 120;

    /// <summary>Writes <c>Target(arguments);</c>.</summary>
    public static void Write(IndentedTextWriter writer, PlannedCall call)
    {
        string oneLine = call.Target + "(" + string.Join(", ", call.Arguments) + ");";
        if (writer.CurrentIndent + oneLine.Length <= LineLength || call.Arguments.Count == 0)
        {
            writer.WriteLine(oneLine);
            return;
        }

        writer.WriteLine(call.Target + "(");
        using (writer.Indent())
        {
            int width = LineLength - writer.CurrentIndent;
            var line = new StringBuilder();
            for (int i = 0; i < call.Arguments.Count; i++)
            {
                string piece = call.Arguments[i] + (i == call.Arguments.Count - 1 ? ");" : ",");
                if (line.Length > 0 && line.Length + 1 + piece.Length > width)
                {
                    writer.WriteLine(line.ToString());
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : string.Empty).Append(piece);
            }

            writer.WriteLine(line.ToString());
        }
    }

    /// <summary>Writes a method body's layer blocks, each after a blank line and its comment.</summary>
    public static void WriteBlocks(IndentedTextWriter writer, IEnumerable<PlannedBlock> blocks)
    {
        foreach (PlannedBlock block in blocks)
        {
            writer.WriteLine();
            writer.WriteLine("// " + block.Comment);
            foreach (PlannedCall call in block.Calls)
            {
                Write(writer, call);
            }
        }
    }
}
