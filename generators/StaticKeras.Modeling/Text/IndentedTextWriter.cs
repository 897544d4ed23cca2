using System;
using System.Text;

namespace StaticKeras.Modeling.Text;

/// <summary>
/// Writes C# source with indentation managed by <see cref="WriteBlock"/> scopes, so emitters never
/// build indentation strings by hand. Lines end with <c>\n</c> on every platform (deterministic output).
/// </summary>
internal sealed class IndentedTextWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder builder = new();
    private int depth;
    private bool atLineStart = true;

    /// <summary>The indentation of a new line, in characters.</summary>
    public int CurrentIndent => depth * IndentUnit.Length;

    /// <summary>Writes text on the current line (indenting first if the line is new).</summary>
    public IndentedTextWriter Write(string text)
    {
        if (text.Length == 0)
        {
            return this;
        }

        if (atLineStart)
        {
            for (int i = 0; i < depth; i++)
            {
                builder.Append(IndentUnit);
            }

            atLineStart = false;
        }

        builder.Append(text);
        return this;
    }

    /// <summary>Writes one line (each line of a multi-line text is indented).</summary>
    public IndentedTextWriter WriteLine(string text = "")
    {
        string[] lines = text.Split('\n');
        foreach (string line in lines)
        {
            Write(line.TrimEnd('\r'));
            builder.Append('\n');
            atLineStart = true;
        }

        return this;
    }

    /// <summary>Opens <c>{</c>, indents until the returned scope is disposed, then closes <c>}</c>.</summary>
    public Block WriteBlock(string? header = null, string closing = "}")
    {
        if (header is not null)
        {
            WriteLine(header);
        }

        WriteLine("{");
        depth++;
        return new Block(this, closing);
    }

    /// <summary>Indents without braces until disposed.</summary>
    public Block Indent()
    {
        depth++;
        return new Block(this, null);
    }

    public override string ToString() => builder.ToString();

    /// <summary>A scope that closes its block when disposed.</summary>
    public readonly struct Block : IDisposable
    {
        private readonly IndentedTextWriter writer;
        private readonly string? closing;

        internal Block(IndentedTextWriter writer, string? closing)
        {
            this.writer = writer;
            this.closing = closing;
        }

        public void Dispose()
        {
            writer.depth--;
            if (closing is not null)
            {
                writer.WriteLine(closing);
            }
        }
    }
}
