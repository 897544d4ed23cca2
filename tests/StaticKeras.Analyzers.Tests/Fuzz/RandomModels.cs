using System.Globalization;
using System.Text;

namespace StaticKeras.Analyzers.Tests.Fuzz;

/// <summary>A generated model declaration, and whether it was built to be valid.</summary>
public sealed record RandomModel(string ClassName, string Source, bool ValidByConstruction);

/// <summary>
/// Random model declarations: valid graphs built shape by shape, and broken ones made by random
/// layer orders, absurd sizes, wrong or missing arguments, bad names and cycles. Reproducible
/// from a seed.
/// </summary>
public sealed class RandomModels(int seed)
{
    private static readonly string[] Activations = FuzzModules.GoodActivations;
    private static readonly string[] Initializers = ["glorot_uniform", "he_normal", "zeros", "lecun_uniform", "random_normal"];
    private readonly Random random = new(seed);

    public RandomModel Next(int index)
    {
        string name = "M" + index.ToString(CultureInfo.InvariantCulture);
        bool valid = random.NextDouble() < 0.3;
        IEnumerable<string> attributes = valid ? Valid() : Broken();
        string declaration = valid || random.NextDouble() < 0.9 ? $"public partial class {name};" : BrokenClass(name);
        valid &= declaration.StartsWith("public partial class", StringComparison.Ordinal);
        var sb = new StringBuilder("using StaticKeras;\n");
        foreach (string a in attributes)
        {
            sb.Append('[').Append(a).Append("]\n");
        }

        sb.Append(declaration).Append('\n');
        return new RandomModel(name, sb.ToString(), valid);
    }

    /// <summary>A valid graph: every layer's arguments chosen from its input's actual shape.</summary>
    private List<string> Valid()
    {
        var layers = new List<string>();
        int[] shape = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(1, 7)).ToArray();
        layers.Add($"Input({Join(shape)}, Name = \"in0\")");
        string last = "in0";
        int count = random.Next(1, 7);
        for (int i = 0; i < count; i++)
        {
            string id = "l" + i.ToString(CultureInfo.InvariantCulture);
            switch (random.Next(10))
            {
                case 0 or 1:
                    int units = random.Next(1, 9);
                    layers.Add($"Dense({units}, Name = \"{id}\", Input = \"{last}\", Activation = {Pick(Activations)}, UseBias = {(random.Next(2) == 0 ? "true" : "false")}, KernelInitializer = \"{Pick(Initializers)}\")");
                    shape[^1] = units;
                    break;
                case 2:
                    layers.Add($"Dropout({random.Next(0, 9) / 10.0:0.0}, Name = \"{id}\", Input = \"{last}\")");
                    break;
                case 3:
                    layers.Add($"Flatten(Name = \"{id}\", Input = \"{last}\")");
                    shape = [shape.Aggregate(1, (a, d) => a * d)];
                    break;
                case 4:
                    int size = shape.Aggregate(1, (a, d) => a * d);
                    int[] divisors = Enumerable.Range(1, size).Where(d => size % d == 0).ToArray();
                    int first = Pick(divisors);
                    layers.Add($"Reshape({first}, -1, Name = \"{id}\", Input = \"{last}\")");
                    shape = [first, size / first];
                    break;
                case 5:
                    // A residual: a Dense branch of the same width, then Add or Multiply.
                    layers.Add($"Dense({shape[^1]}, Name = \"{id}b\", Input = \"{last}\")");
                    layers.Add($"{(random.Next(2) == 0 ? "Add" : "Multiply")}(\"{last}\", \"{id}b\", Name = \"{id}\")");
                    break;
                case 7:
                    // A user layer that follows its contract.
                    (string type, Func<int, int> lastDim) = Pick(FuzzModules.GoodLayers);
                    layers.Add($"Layer<{type}>(Name = \"{id}\", Input = \"{last}\")");
                    shape[^1] = lastDim(shape[^1]);
                    break;
                case 8:
                    // A block: flatten and project to its input width first.
                    layers.Add($"Flatten(Name = \"{id}f\", Input = \"{last}\")");
                    layers.Add($"Dense(4, Name = \"{id}d\")");
                    layers.Add($"Block<{(random.Next(2) == 0 ? "FuzzBlock" : "NestedFuzzBlock")}>(Name = \"{id}\")");
                    shape = [4];
                    break;
                case 9:
                    layers.Add($"Activation({Pick(Activations.Where(a => a != "null").ToArray())}, Name = \"{id}\", Input = \"{last}\")");
                    break;
                default:
                    // Concatenate with a branch on the last axis.
                    int width = random.Next(1, 5);
                    layers.Add($"Dense({width}, Name = \"{id}b\", Input = \"{last}\")");
                    layers.Add($"Concatenate(\"{last}\", \"{id}b\", Name = \"{id}\")");
                    shape[^1] += width;
                    break;
            }

            last = id;
        }

        return layers;
    }

    /// <summary>A random mess of layers and arguments; anything but a crash or a cascade may come of it.</summary>
    private List<string> Broken()
    {
        var layers = new List<string>();
        int count = random.Next(0, 8);
        var names = new List<string> { "a", "b", "c", "x", "dense", "input_layer" };
        for (int i = 0; i < count; i++)
        {
            layers.Add(random.Next(12) switch
            {
                0 => $"Input({Join(Enumerable.Range(0, random.Next(0, 4)).Select(_ => Size()))}{NameArg(names)})",
                1 => $"Dense({Size()}{NameArg(names)}{InputArg(names)}{ActivationArg()})",
                2 => $"Dropout({Pick(new[] { "0.5", "1.0", "-0.3", "2", "0", "double.NaN", "\"half\"" })}{NameArg(names)})",
                3 => $"Reshape({Join(Enumerable.Range(0, random.Next(0, 4)).Select(_ => Pick(new[] { -1, 0, 1, 2, 3, 4, 7 })))}{NameArg(names)})",
                4 => $"{Pick(new[] { "Add", "Multiply", "Concatenate" })}({Join(Enumerable.Range(0, random.Next(0, 4)).Select(_ => "\"" + Pick(names) + "\""))}{NameArg(names)})",
                5 => $"Flatten{(random.Next(2) == 0 ? string.Empty : "(" + NameArg(names).TrimStart(',', ' ') + ")")}",
                6 => Pick(new[] { "Dense", "Dense(\"ten\")", "Input(\"x\")", "Dropout(true)", "Dense(3, Units = 4)", "Dense(3, Activation = 2)", "Concatenate(\"a\", Axis = \"x\")", "Obsolete", "Dense(3, Input = null)", "Add(null)" }),
                7 => $"Concatenate({Join(names.Take(random.Next(0, 4)).Select(n => "\"" + n + "\""))}, Axis = {random.Next(-4, 5)})",
                9 => $"Layer<{Pick(FuzzModules.BadLayers.Concat(FuzzModules.GoodLayers.Select(g => g.Type)).ToArray())}>({NameArg(names).TrimStart(',', ' ')})",
                10 => $"Block<{Pick(new[] { "FuzzBlock", "NestedFuzzBlock", "BrokenBlock", "SelfBlock", "NotALayer", "M0" })}>",
                _ => $"Dense({Size()}, KernelInitializer = \"{Pick(new[] { "glorot", "he_normal", "", "zeros", "orthogonal" })}\")",
            });
        }

        return layers;
    }

    private string BrokenClass(string name) => Pick(new[]
    {
        $"public class {name};",
        $"public partial class {name}<T>;",
        $"public static partial class {name} {{ }}",
        $"public abstract partial class {name};",
        $"public partial record {name};",
        $"public partial class {name} : System.Exception;",
    });

    private string Size() => Pick(new[] { "1", "2", "3", "8", "0", "-5", "100000", "int.MaxValue", "2.5", "1 << 20" });

    private string NameArg(List<string> names) => random.Next(3) switch
    {
        0 => string.Empty,
        1 => $", Name = \"{Pick(names)}\"",
        _ => $", Name = \"{NewName(names)}\"",
    };

    private string InputArg(List<string> names) => random.Next(3) == 0 ? $", Input = \"{Pick(names)}\"" : string.Empty;

    private string ActivationArg() => random.Next(3) switch
    {
        0 => string.Empty,
        1 => $", Activation = {Pick(Activations)}",
        _ => $", Activation = {Pick(FuzzModules.BadActivations)}",
    };

    private string NewName(List<string> names)
    {
        string name = "n" + random.Next(100).ToString(CultureInfo.InvariantCulture);
        names.Add(name);
        return name;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Join<T>(IEnumerable<T> items) => string.Join(", ", items);
}
