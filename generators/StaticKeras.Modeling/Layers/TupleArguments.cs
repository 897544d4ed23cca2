using System.Linq;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers;

/// <summary>
/// Keras's tuple arguments (<c>pool_size</c>, <c>strides</c>, <c>size</c>, <c>padding</c>,
/// <c>cropping</c>) as StaticKeras writes them: a number or a flat <c>int[]</c>, one value
/// broadcast to every axis as Keras's <c>standardize_tuple</c> does
/// (keras/src/utils/argument_validation.py), nested pairs flattened.
/// </summary>
internal static class TupleArguments
{
    /// <summary>
    /// One whole number per axis: one value for every axis or <paramref name="axes"/> values, each at
    /// least <paramref name="min"/>; <paramref name="fallback"/> when absent, null or empty. Reports
    /// anything else (on the element at fault) and returns null.
    /// </summary>
    /// <param name="a">The layer's arguments.</param>
    /// <param name="argument">The PascalCase argument (<c>PoolSize</c>).</param>
    /// <param name="axes">How many axes it covers.</param>
    /// <param name="fallback">Keras's default, or null when Keras requires the argument.</param>
    /// <param name="min">The smallest value allowed (1, or 0 where Keras's <c>allow_zero</c>).</param>
    /// <param name="example">A valid declaration, for the message.</param>
    public static int[]? PerAxis(this LayerArguments a, string argument, int axes, int[]? fallback, int min, string example)
    {
        string counts = axes == 1 ? "one whole number" : $"one whole number or {axes}";
        int[]? values = a.Values(argument, counts, min, example, axes == 1 ? new[] { 1 } : new[] { 1, axes }, fallback);
        return values is null ? null : values.Length == axes ? values : Enumerable.Repeat(values[0], axes).ToArray();
    }

    /// <summary>
    /// Margins before and after each spatial axis, <c>(top, bottom, left, right)</c> (a 1D layer's in
    /// left and right): for 2D one value (every side), two (rows, columns, each on both sides, Keras's
    /// <c>(h, w)</c>) or four (Keras's <c>((top, bottom), (left, right))</c>); for 1D one value (both
    /// ends) or two (before, after). Each at least 0. Reports anything else and returns null.
    /// </summary>
    public static int[]? Margins(this LayerArguments a, string argument, int spatialAxes, int[] fallback, string example)
    {
        int[] counts = spatialAxes == 1 ? new[] { 1, 2 } : new[] { 1, 2, 4 };
        int[]? v = a.Values(argument, spatialAxes == 1 ? "one whole number or two (before, after)" : "1, 2 (rows, columns) or 4 (top, bottom, left, right) whole numbers", 0, example, counts, fallback);
        if (v is null)
        {
            return null;
        }

        if (spatialAxes == 1)
        {
            return v.Length == 1 ? new[] { 0, 0, v[0], v[0] } : new[] { 0, 0, v[0], v[1] };
        }

        return v.Length switch
        {
            1 => new[] { v[0], v[0], v[0], v[0] },
            2 => new[] { v[0], v[0], v[1], v[1] },
            _ => v,
        };
    }

    /// <summary>The values written, checked for their count and range; the fallback when nothing is written.</summary>
    private static int[]? Values(this LayerArguments a, string argument, string counts, int min, string example, int[] allowedCounts, int[]? fallback)
    {
        ArgumentValue? v = a.Spec.Find(argument)?.Value;
        double[] written = v is { Kind: ArgumentKind.Number } ? new[] { v.Number } : v is { Kind: ArgumentKind.NumberArray } ? v.Numbers.ToArray() : new double[0];
        if (written.Length == 0 && fallback is not null)
        {
            return fallback;
        }

        string message = $"{a.Title}: {argument} must be {counts}, each at least {min}; got {(written.Length == 0 ? "nothing" : a.Written(argument))}. For example {example}.";
        if (!allowedCounts.Contains(written.Length))
        {
            a.Error(ErrorKind.InvalidHyperparameter, argument, message);
            return null;
        }

        for (int i = 0; i < written.Length; i++)
        {
            double x = written[i];
            if (x != System.Math.Floor(x) || x < min || x > int.MaxValue)
            {
                a.Error(ErrorKind.InvalidHyperparameter, argument, message, i);
                return null;
            }
        }

        return written.Select(x => (int)x).ToArray();
    }
}
