using System;
using System.Collections.Generic;
using System.Globalization;

namespace StaticKeras.Modeling.Layers.Custom;

/// <summary>
/// One dimension of a user layer's shape contract: <c>*</c> (the leading axes), a name, a number,
/// or arithmetic over names and numbers (<c>h / 2</c>, <c>c * 4 + 1</c>). Parsed once; evaluated
/// against the names bound from the input shape and the layer's arguments.
/// </summary>
internal sealed class ShapeExpression
{
    private readonly string text;
    private readonly List<string> tokens;
    private int position;

    private ShapeExpression(string text, List<string> tokens)
    {
        this.text = text;
        this.tokens = tokens;
    }

    /// <summary>True for <c>*</c>.</summary>
    public bool IsStar => text == "*";

    /// <summary>The name when the dimension is a bare name (binds on the input side), else null.</summary>
    public string? Name => tokens.Count == 1 && IsIdentifier(tokens[0]) ? tokens[0] : null;

    /// <summary>The number when the dimension is a bare number, else null.</summary>
    public long? Literal => tokens.Count == 1 && long.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out long v) ? v : null;

    /// <summary>The dimension as written.</summary>
    public override string ToString() => text;

    /// <summary>Parses a parenthesised dimension list, <c>"(*, d)"</c>; reports what is wrong through <paramref name="problem"/>.</summary>
    public static List<ShapeExpression>? ParseList(string list, out string? problem)
    {
        problem = null;
        string trimmed = list.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '(' || trimmed[trimmed.Length - 1] != ')')
        {
            problem = $"\"{list}\" is not a parenthesised list of dimensions such as \"(*, d)\"";
            return null;
        }

        var result = new List<ShapeExpression>();
        string inner = trimmed.Substring(1, trimmed.Length - 2);
        if (inner.Trim().Length == 0)
        {
            return result;
        }

        foreach (string part in SplitTopLevel(inner))
        {
            string dim = part.Trim();
            List<string>? tokens = Tokenize(dim);
            if (tokens is null || tokens.Count == 0)
            {
                problem = $"\"{dim}\" in \"{list}\" is not a dimension: use *, a name, a number or arithmetic such as h / 2";
                return null;
            }

            var expression = new ShapeExpression(dim, tokens);
            if (!expression.IsStar && !expression.Validate(out problem))
            {
                problem = $"\"{dim}\" in \"{list}\": {problem}";
                return null;
            }

            result.Add(expression);
        }

        return result;
    }

    /// <summary>Evaluates the dimension; null with <paramref name="problem"/> set when a name is unknown or a division is not exact.</summary>
    public long? Evaluate(Func<string, long?> lookup, out string? problem)
    {
        problem = null;
        position = 0;
        try
        {
            return Sum(lookup);
        }
        catch (FormatException e)
        {
            problem = e.Message;
            return null;
        }
    }

    private bool Validate(out string? problem)
    {
        problem = null;
        position = 0;
        try
        {
            Sum(_ => 1);
            if (position != tokens.Count)
            {
                problem = $"unexpected '{tokens[position]}'";
                return false;
            }

            return true;
        }
        catch (FormatException e)
        {
            problem = e.Message;
            return false;
        }
    }

    private long Sum(Func<string, long?> lookup)
    {
        long value = Product(lookup);
        while (position < tokens.Count && tokens[position] is "+" or "-")
        {
            string op = tokens[position++];
            long right = Product(lookup);
            value = op == "+" ? value + right : value - right;
        }

        return value;
    }

    private long Product(Func<string, long?> lookup)
    {
        long value = Factor(lookup);
        while (position < tokens.Count && tokens[position] is "*" or "/")
        {
            string op = tokens[position++];
            long right = Factor(lookup);
            if (op == "*")
            {
                value *= right;
            }
            else if (right == 0 || value % right != 0)
            {
                throw new FormatException($"{value} / {right} is not a whole number");
            }
            else
            {
                value /= right;
            }
        }

        return value;
    }

    private long Factor(Func<string, long?> lookup)
    {
        if (position >= tokens.Count)
        {
            throw new FormatException("it ends where a name or number should follow");
        }

        string token = tokens[position++];
        if (token == "(")
        {
            long value = Sum(lookup);
            if (position >= tokens.Count || tokens[position++] != ")")
            {
                throw new FormatException("a '(' is not closed");
            }

            return value;
        }

        if (long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out long number))
        {
            return number;
        }

        if (IsIdentifier(token))
        {
            return lookup(token) ?? throw new FormatException($"'{token}' is neither a name bound by the input shape nor a numeric argument of the layer's attribute");
        }

        throw new FormatException($"unexpected '{token}'");
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        int depth = 0, start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (text[i] == ',' && depth == 0)
            {
                yield return text.Substring(start, i - start);
                start = i + 1;
            }
        }

        yield return text.Substring(start);
    }

    private static List<string>? Tokenize(string text)
    {
        var tokens = new List<string>();
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsLetterOrDigit(c) || c == '_')
            {
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(text.Substring(start, i - start));
            }
            else if ("+-*/()".IndexOf(c) >= 0)
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                return null;
            }
        }

        return tokens;
    }

    private static bool IsIdentifier(string token) => token.Length > 0 && (char.IsLetter(token[0]) || token[0] == '_');
}
