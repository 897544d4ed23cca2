using System.Linq;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Convolutional;

/// <summary>
/// The sliding window every Keras convolution takes (keras/src/layers/convolutional/base_conv.py):
/// per spatial axis its kernel size, stride and dilation, and the padding mode.
/// </summary>
/// <param name="KernelSize">Kernel length per spatial axis.</param>
/// <param name="Strides">Step between outputs per axis.</param>
/// <param name="Padding"><c>valid</c>, <c>same</c> or <c>causal</c>, lower case as Keras standardises it.</param>
/// <param name="DilationRate">Step between kernel taps per axis.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record ConvWindowConfig(EquatableArray<int> KernelSize, EquatableArray<int> Strides, string Padding, EquatableArray<int> DilationRate)
{
    public int Rank => KernelSize.Count;

    /// <summary>The zeros before and after spatial axis <paramref name="axis"/> of an input of that length.</summary>
    public (int Before, int After) Pads(int axis, int input) =>
        ConvWindow.Padding(Padding, input, KernelSize[axis], Strides[axis], DilationRate[axis]);

    /// <summary>The output length along spatial axis <paramref name="axis"/>.</summary>
    public int Output(int axis, int input)
    {
        (int before, int after) = Pads(axis, input);
        return ConvWindow.OutputLength(input, KernelSize[axis], Strides[axis], DilationRate[axis], before, after);
    }

    /// <summary>The kernel size as Keras writes it: <c>3×3</c>.</summary>
    public string KernelText => string.Join("×", KernelSize);

    /// <summary>Keras's <c>strides</c> and <c>dilation_rate</c> may not both exceed 1 (base_conv.py raises).</summary>
    public bool StridesAndDilation => Strides.Any(s => s > 1) && DilationRate.Any(d => d > 1);
}

/// <summary>How the convolution layers read their shared arguments, each error on the argument at fault.</summary>
internal static class ConvArguments
{
    /// <summary>Writes the window as Keras's config: <c>kernel_size</c>, <c>strides</c>, <c>padding</c>, <c>data_format</c>, <c>dilation_rate</c>.</summary>
    public static KerasConfigWriter Window(this KerasConfigWriter k, ConvWindowConfig w) => k
        .Ints("kernel_size", w.KernelSize).Ints("strides", w.Strides).Text("padding", w.Padding)
        .Text("data_format", "channels_last").Ints("dilation_rate", w.DilationRate);

    /// <summary>Reads the window from a Keras config (channels-last only).</summary>
    public static void ReadWindow(KerasConfigReader k)
    {
        k.Ints("kernel_size", "KernelSize");
        k.Ints("strides", "Strides");
        k.Text("padding", "Padding");
        k.MustBe("data_format", "channels_last");
        k.Ints("dilation_rate", "DilationRate");
    }

    /// <summary>
    /// Reads <c>KernelSize</c> (required), <c>Strides</c>, <c>Padding</c> and <c>DilationRate</c>
    /// for <paramref name="rank"/> spatial axes; null when one is wrong (reported).
    /// </summary>
    /// <param name="a">The layer's arguments.</param>
    /// <param name="rank">Spatial axes: 1 for Conv1D, 2 for Conv2D.</param>
    /// <param name="example">A declaration of the layer for messages: <c>[Conv2D(32, 3)]</c>.</param>
    /// <param name="paddings">The padding modes the layer accepts.</param>
    public static ConvWindowConfig? Window(LayerArguments a, int rank, string example, params string[] paddings)
    {
        int[]? kernel = Tuple(a, "KernelSize", rank, null, example);
        int[]? strides = Tuple(a, "Strides", rank, Ones(rank), example);
        int[]? dilation = Tuple(a, "DilationRate", rank, Ones(rank), example);
        string? padding = Padding(a, paddings);
        if (kernel is null || strides is null || dilation is null || padding is null)
        {
            return null;
        }

        var window = new ConvWindowConfig(EquatableArray.Create(kernel), EquatableArray.Create(strides), padding, EquatableArray.Create(dilation));
        if (window.StridesAndDilation)
        {
            a.Error(
                ErrorKind.InvalidHyperparameter,
                "DilationRate",
                $"{a.Title}: Strides ({string.Join(", ", strides)}) and DilationRate ({string.Join(", ", dilation)}) cannot both be above 1, as in Keras. Keep one of them at 1.");
            return null;
        }

        return window;
    }

    /// <summary>
    /// A per-axis argument: <paramref name="rank"/> positive whole numbers, or one broadcast to
    /// every axis as Keras does (<c>3</c> is <c>(3, 3)</c>); <paramref name="fallback"/> when absent
    /// (null: required). Null when wrong (reported).
    /// </summary>
    public static int[]? Tuple(LayerArguments a, string argument, int rank, int[]? fallback, string example)
    {
        ArgumentValue? written = a.Spec.Find(argument)?.Value;
        int[]? values = written switch
        {
            { Kind: ArgumentKind.NumberArray } => a.Ints(argument),
            { Kind: ArgumentKind.Number } n when n.Number == System.Math.Floor(n.Number) => new[] { (int)n.Number },
            _ => null,
        };
        if (written is { Kind: ArgumentKind.NumberArray } && values is null)
        {
            return null; // a fraction, reported by Ints
        }

        if (values is null || values.Length == 0)
        {
            if (fallback is not null && !a.Has(argument))
            {
                return fallback;
            }

            a.Error(ErrorKind.InvalidHyperparameter, argument, $"{a.Title}: {argument} needs {Count(rank)}, each at least 1; got {a.Written(argument)}. For example {example}.");
            return null;
        }

        if (values.Length == 1)
        {
            values = Enumerable.Repeat(values[0], rank).ToArray();
        }

        if (values.Length != rank || values.Any(v => v < 1))
        {
            a.Error(ErrorKind.InvalidHyperparameter, argument, $"{a.Title}: {argument} needs {Count(rank)}, each at least 1; got ({string.Join(", ", values)}). For example {example}.");
            return null;
        }

        return values;
    }

    /// <summary>Keras's <c>padding</c>, case-insensitive as Keras's <c>standardize_padding</c>; <c>valid</c> when absent.</summary>
    public static string? Padding(LayerArguments a, string[] modes)
    {
        string padding = a.Text("Padding", "valid").ToLowerInvariant();
        if (modes.Contains(padding))
        {
            return padding;
        }

        string? closest = NameSuggestion.Closest(padding, modes);
        a.Error(
            ErrorKind.InvalidHyperparameter,
            "Padding",
            $"{a.Title}: Padding \"{padding}\" is not one of {string.Join(", ", modes.Select(m => "\"" + m + "\""))}{(closest is null ? "" : $" (did you mean \"{closest}\"?)")}.");
        return null;
    }

    /// <summary>Checks the input has <paramref name="rank"/> spatial axes and channels; reports the layer to insert otherwise.</summary>
    public static bool CheckInput(LayerInference layer, int rank, string layerName)
    {
        Shape input = layer.Input;
        if (input.Rank == rank + 1)
        {
            return true;
        }

        string expected = rank == 1 ? "(steps, channels)" : "(height, width, channels)";
        string fix = input.Rank == rank
            ? $"Insert [Reshape({string.Join(", ", input.Dims)}, 1)] before it to give it one channel"
            : rank == 2 && input.Rank == 1 && IsSquare(input.Size) is int side
                ? $"Insert [Reshape({side}, {side}, 1)] before it if '{layer.InputName(0)}' is a flattened {side}×{side} image"
                : $"Insert a [Reshape(...)] before it that gives {expected}";
        string other = rank == 2 ? "; for sequences use Conv1D" : "; for images use Conv2D";
        layer.Error(ErrorKind.IncompatibleInput, null, $"{layer.Title} takes {expected} per sample but '{layer.InputName(0)}' is {input}. {fix}{other}.");
        return false;
    }

    /// <summary>Reports an output axis below 1: the kernel does not fit the padded input.</summary>
    public static bool CheckFits(LayerInference layer, ConvWindowConfig window, Shape input, int[] output)
    {
        if (output.All(o => o >= 1))
        {
            return true;
        }

        int[] spatial = input.Dims.Take(window.Rank).ToArray();
        int[] effective = window.KernelSize.Select((k, i) => (window.DilationRate[i] * (k - 1)) + 1).ToArray();
        string dilated = window.DilationRate.Any(d => d > 1) ? $" (dilated to {string.Join("×", effective)})" : string.Empty;
        layer.Error(
            ErrorKind.NonPositiveDimension,
            "KernelSize",
            $"{layer.Title}: its {window.KernelText} kernel{dilated} does not fit the {string.Join("×", spatial)} input with padding \"{window.Padding}\", so the output would be {string.Join("×", output)}. Use Padding = \"same\", a smaller KernelSize{(window.DilationRate.Any(d => d > 1) ? " or DilationRate" : string.Empty)}, or a larger input.");
        return false;
    }

    private static int? IsSquare(int size)
    {
        int side = (int)System.Math.Round(System.Math.Sqrt(size));
        return side > 1 && side * side == size ? side : null;
    }

    private static int[] Ones(int rank) => Enumerable.Repeat(1, rank).ToArray();

    private static string Count(int rank) => rank == 1 ? "one whole number" : $"one or {rank} whole numbers";
}
