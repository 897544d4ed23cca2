using System.Collections.Generic;
using System.Linq;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Custom;

/// <summary>
/// A user layer's <c>[LayerShape("(*, d) -> (*, d)")]</c>: which input shapes it accepts and the
/// output shape it gives. Binding an input shape names its dimensions; the output, weight and
/// cache shapes are then evaluated with those names and the layer's arguments.
/// </summary>
internal sealed class ShapeContract
{
    private ShapeContract(List<ShapeExpression> input, List<ShapeExpression> output)
    {
        Input = input;
        Output = output;
    }

    /// <summary>The accepted input dimensions.</summary>
    public IReadOnlyList<ShapeExpression> Input { get; }

    /// <summary>The output dimensions.</summary>
    public IReadOnlyList<ShapeExpression> Output { get; }

    /// <summary>Parses a contract; null with <paramref name="problem"/> set when it is malformed.</summary>
    public static ShapeContract? Parse(string text, out string? problem)
    {
        int arrow = text.IndexOf("->", System.StringComparison.Ordinal);
        if (arrow < 0)
        {
            problem = $"\"{text}\" has no '->' between the input and the output shape, as in \"(*, d) -> (*, d)\"";
            return null;
        }

        List<ShapeExpression>? input = ShapeExpression.ParseList(text.Substring(0, arrow), out problem);
        List<ShapeExpression>? output = input is null ? null : ShapeExpression.ParseList(text.Substring(arrow + 2), out problem);
        if (input is null || output is null)
        {
            return null;
        }

        if (input.Count(d => d.IsStar) > 1 || output.Count(d => d.IsStar) > 1)
        {
            problem = $"\"{text}\" has more than one * on a side; * stands for all leading axes, once";
            return null;
        }

        if (input.Any(d => !d.IsStar && d.Name is null && d.Literal is null))
        {
            problem = $"\"{text}\": the input side may only hold *, names and numbers; put arithmetic on the output side";
            return null;
        }

        if (output.Any(d => d.IsStar) && !input.Any(d => d.IsStar))
        {
            problem = $"\"{text}\" uses * on the output side but not on the input side";
            return null;
        }

        return new ShapeContract(input, output);
    }

    /// <summary>The input pattern as written, for messages: <c>(*, d)</c>.</summary>
    public string InputText => "(" + string.Join(", ", Input) + ")";

    /// <summary>
    /// Matches <paramref name="shape"/> against the input side: the binding of every name, and the
    /// dimensions <c>*</c> stands for; null with <paramref name="problem"/> set when it does not fit.
    /// </summary>
    public ContractBinding? Bind(Shape shape, out string? problem)
    {
        problem = null;
        int star = Input.ToList().FindIndex(d => d.IsStar);
        int fixedCount = Input.Count - (star >= 0 ? 1 : 0);
        if (star < 0 ? shape.Rank != Input.Count : shape.Rank < fixedCount)
        {
            problem = star < 0
                ? $"it takes rank {Input.Count} {InputText} but gets rank {shape.Rank} {shape}"
                : $"it takes rank {fixedCount} or more {InputText} but gets rank {shape.Rank} {shape}";
            return null;
        }

        var names = new Dictionary<string, long>();
        var starDims = new List<int>();
        int starLength = shape.Rank - fixedCount;
        for (int i = 0, axis = 0; i < Input.Count; i++)
        {
            ShapeExpression d = Input[i];
            if (d.IsStar)
            {
                starDims.AddRange(shape.Dims.Skip(axis).Take(starLength));
                axis += starLength;
                continue;
            }

            int value = shape[axis++];
            if (d.Literal is { } literal && literal != value)
            {
                problem = $"its contract {InputText} needs {literal} at axis {axis} but the input {shape} has {value}";
                return null;
            }

            if (d.Name is { } name)
            {
                if (names.TryGetValue(name, out long bound) && bound != value)
                {
                    problem = $"its contract {InputText} needs the axes named '{name}' to be equal but the input {shape} has {bound} and {value}";
                    return null;
                }

                names[name] = value;
            }
        }

        return new ContractBinding(names, starDims);
    }
}

/// <summary>What an input shape bound in a contract: a value per name, and the dimensions of <c>*</c>.</summary>
internal sealed class ContractBinding
{
    public ContractBinding(Dictionary<string, long> names, List<int> starDims)
    {
        Names = names;
        StarDims = starDims;
    }

    public Dictionary<string, long> Names { get; }

    public List<int> StarDims { get; }

    /// <summary>Evaluates a dimension list with these names and <paramref name="arguments"/>; null with <paramref name="problem"/> on failure.</summary>
    public int[]? Evaluate(IReadOnlyList<ShapeExpression> dims, IReadOnlyDictionary<string, double> arguments, out string? problem)
    {
        problem = null;
        var result = new List<int>();
        foreach (ShapeExpression d in dims)
        {
            if (d.IsStar)
            {
                result.AddRange(StarDims);
                continue;
            }

            long? value = d.Evaluate(Lookup, out problem);
            if (value is null)
            {
                problem = $"'{d}': {problem}";
                return null;
            }

            if (value < int.MinValue || value > int.MaxValue)
            {
                problem = $"'{d}' is {value}, too large for a dimension";
                return null;
            }

            result.Add((int)value.Value);
        }

        return result.ToArray();

        long? Lookup(string name) =>
            Names.TryGetValue(name, out long bound) ? bound
            : arguments.TryGetValue(name, out double argument) && argument == System.Math.Floor(argument) ? (long)argument
            : null;
    }
}
