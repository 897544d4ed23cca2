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
    public static void Write(IndentedTextWriter writer, PlannedCall call) => Write(writer, call.Target, call.Arguments, ");");

    /// <summary>
    /// Writes an expression and <c>;</c>, a call whose arguments are broken onto lines as
    /// <see cref="Write(IndentedTextWriter, PlannedCall)"/> when it does not fit (a static field's initializer).
    /// </summary>
    public static void WriteExpression(IndentedTextWriter writer, string expression)
    {
        int open = expression.IndexOf('(');
        if (writer.CurrentIndent + expression.Length + 1 <= LineLength || open < 0 || expression[expression.Length - 1] != ')')
        {
            writer.WriteLine(expression + ";");
            return;
        }

        Write(writer, expression.Substring(0, open), TopLevelArguments(expression.Substring(open + 1, expression.Length - open - 2)), ");");
    }

    private static void Write(IndentedTextWriter writer, string target, IReadOnlyList<string> arguments, string end)
    {
        string oneLine = target + "(" + string.Join(", ", arguments) + end;
        if (writer.CurrentIndent + oneLine.Length <= LineLength || arguments.Count == 0)
        {
            writer.WriteLine(oneLine);
            return;
        }

        writer.WriteLine(target + "(");
        using (writer.Indent())
        {
            int width = LineLength - writer.CurrentIndent;
            var line = new StringBuilder();
            for (int i = 0; i < arguments.Count; i++)
            {
                string piece = arguments[i] + (i == arguments.Count - 1 ? end : ",");
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

    /// <summary>Splits an argument list at its top-level commas (not inside brackets, parentheses or strings).</summary>
    private static List<string> TopLevelArguments(string list)
    {
        var arguments = new List<string>();
        int depth = 0, start = 0;
        bool quoted = false;
        for (int i = 0; i < list.Length; i++)
        {
            char c = list[i];
            if (c == '"' && (i == 0 || list[i - 1] != '\\'))
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (!quoted && c is ')' or ']' or '}')
            {
                depth--;
            }
            else if (!quoted && depth == 0 && c == ',')
            {
                arguments.Add(list.Substring(start, i - start).Trim());
                start = i + 1;
            }
        }

        arguments.Add(list.Substring(start).Trim());
        return arguments;
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
