using System;
using System.Collections.Generic;

namespace StaticKeras.Plotting;

/// <summary>Axis ticks at round numbers (1, 2 or 5 times a power of ten) covering a range, as plotting libraries choose them.</summary>
internal readonly record struct NiceScale(double Min, double Max, double Step)
{
    /// <summary>About <paramref name="ticks"/> round ticks covering [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static NiceScale For(double low, double high, int ticks = 5)
    {
        if (!(high > low))
        {
            // A flat series still gets an axis around its value.
            double pad = Math.Abs(low) > 0 ? Math.Abs(low) * 0.1 : 1;
            (low, high) = (low - pad, high + pad);
        }

        double step = Round((high - low) / Math.Max(1, ticks - 1));
        return new NiceScale(Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step);
    }

    /// <summary>The tick values from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IEnumerable<double> Ticks()
    {
        for (double v = Min; v <= Max + (Step / 2); v += Step)
        {
            yield return Math.Abs(v) < Step / 1e6 ? 0 : v;
        }
    }

    /// <summary>A tick label with as many decimals as the step needs.</summary>
    public string Label(double value)
    {
        int decimals = Math.Max(0, (int)Math.Ceiling(-Math.Log10(Step) - 1e-9));
        return value.ToString("F" + Math.Min(decimals, 8), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static double Round(double raw)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double fraction = raw / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }
}
