using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Preprocessing;

/// <summary>Argument reads the preprocessing layers share: number lists, Keras's option strings, factor ranges.</summary>
internal static class PreprocessingArguments
{
    /// <summary>A number-array argument (<c>Mean = [1, 2]</c>), or null when absent or null.</summary>
    public static double[]? Numbers(this LayerArguments a, string argument) =>
        a.Spec.Find(argument)?.Value is { Kind: ArgumentKind.NumberArray } v ? v.Numbers.ToArray() : null;

    /// <summary>One of Keras's option strings (<c>"reflect"</c>); anything else is reported with the closest option.</summary>
    public static string Choice(this LayerArguments a, string argument, string fallback, params string[] options)
    {
        string value = a.Text(argument, fallback);
        if (options.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        string? closest = NameSuggestion.Closest(value, options);
        a.Error(
            ErrorKind.InvalidHyperparameter,
            argument,
            $"{a.Title}: {argument} \"{value}\" is not one Keras knows. Use {string.Join(", ", options.Select(o => "\"" + o + "\""))}{(closest is null ? string.Empty : $" (did you mean \"{closest}\"?)")}.");
        return fallback;
    }

    /// <summary>
    /// A Keras factor: one number <c>f</c> (the range <see cref="FactorRule.FromNumber"/> makes of
    /// it) or two, sorted, each within the layer's bounds. Reports anything else; null then.
    /// </summary>
    public static (double Lower, double Upper)? Factor(this LayerArguments a, string argument, FactorRule rule)
    {
        ArgumentValue? v = a.Spec.Find(argument)?.Value;
        double[] values = v is { Kind: ArgumentKind.Number } ? new[] { v.Number } : v is { Kind: ArgumentKind.NumberArray } ? v.Numbers.ToArray() : new double[0];
        if (values.Length is < 1 or > 2 || values.Any(x => !rule.Accepts(x)))
        {
            a.Error(ErrorKind.InvalidHyperparameter, argument, $"{a.Title}: {argument} must be one number or two (lower, upper), each {rule.Bounds}; got {a.Written(argument)}. For example {rule.Example}.");
            return null;
        }

        return values.Length == 1 ? rule.FromNumber(values[0]) : (Math.Min(values[0], values[1]), Math.Max(values[0], values[1]));
    }

    /// <summary>
    /// True when every value is a finite number a float can hold (the generated code writes them
    /// as float literals); otherwise reports the argument and returns false.
    /// </summary>
    public static bool FloatsAreFinite(this LayerArguments a, string argument, params double[] values)
    {
        if (values.All(v => !double.IsNaN(v) && Math.Abs(v) <= float.MaxValue))
        {
            return true;
        }

        a.Error(ErrorKind.InvalidHyperparameter, argument, $"{a.Title}: {argument} must be finite and within float range; got {a.Written(argument)}.");
        return false;
    }

    /// <summary>Formats numbers for a layer's comment line.</summary>
    public static string Format(IEnumerable<double> values) => "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";
}

/// <summary>How one of Keras's image layers checks and widens its <c>factor</c> (each layer's <c>_set_factor</c>).</summary>
/// <param name="Min">The smallest value allowed.</param>
/// <param name="Max">The largest value allowed.</param>
/// <param name="MinIsOpen">True when <paramref name="Min"/> itself is not allowed (RandomZoom's −1).</param>
/// <param name="NumberLowerFloor">A single number <c>f</c> becomes <c>[max(−|f|, floor), |f|]</c> (−1 for rotation, 0 for contrast, −∞ for translation and zoom).</param>
/// <param name="Example">A valid argument, for messages.</param>
internal sealed record FactorRule(double Min, double Max, bool MinIsOpen, double NumberLowerFloor, string Example)
{
    /// <summary>RandomRotation, from the base layer's <c>_FACTOR_BOUNDS = (-1, 1)</c>.</summary>
    public static FactorRule Rotation { get; } = new(-1, 1, false, -1, "[RandomRotation(0.1)] or [RandomRotation([-0.1, 0.2])]");

    /// <summary>RandomTranslation's <c>_check_factor_range</c>: [−1, 1].</summary>
    public static FactorRule Translation { get; } = new(-1, 1, false, double.NegativeInfinity, "[RandomTranslation(0.1, 0.1)]");

    /// <summary>RandomZoom's <c>_check_factor_range</c>: (−1, 1].</summary>
    public static FactorRule Zoom { get; } = new(-1, 1, true, double.NegativeInfinity, "[RandomZoom(0.2)] or [RandomZoom([-0.3, 0.1])]");

    /// <summary>RandomContrast's <c>_FACTOR_BOUNDS = (0, 1)</c>.</summary>
    public static FactorRule Contrast { get; } = new(0, 1, false, 0, "[RandomContrast(0.2)] or [RandomContrast([0.2, 0.2])]");

    /// <summary>The allowed values in words.</summary>
    public string Bounds => $"in {(MinIsOpen ? "(" : "[")}{Min}, {Max}]";

    /// <summary>
    /// Whether a value is allowed. Each end of a pair must be in bounds (Keras's rotation and
    /// contrast only reject a lower end above the maximum or an upper end below the minimum).
    /// </summary>
    public bool Accepts(double value) => (MinIsOpen ? value > Min : value >= Min) && value <= Max;

    /// <summary>The range one number gives.</summary>
    public (double Lower, double Upper) FromNumber(double f) => (Math.Max(-Math.Abs(f), NumberLowerFloor), Math.Abs(f));
}
