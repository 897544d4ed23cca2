using System;

namespace StaticKeras.Activations;

/// <summary>The error function, which .NET's math library lacks.</summary>
internal static class Erf
{
    /// <summary>
    /// Abramowitz and Stegun 7.1.26 in double precision: absolute error below 1.5e-7, under the
    /// float32 rounding of the results it feeds (TF.js, Keras's reference, is within 1.5e-7 too).
    /// </summary>
    public static double Of(double x)
    {
        double t = 1.0 / (1.0 + (0.3275911 * Math.Abs(x)));
        double poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        double e = 1.0 - (poly * Math.Exp(-x * x));
        return x >= 0 ? e : -e;
    }
}
