using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Regularization;

/// <summary>The argument checks Keras's noise layers share.</summary>
internal static class NoiseArguments
{
    /// <summary>
    /// A rate in [0, 1). Keras accepts 1 but then divides by <c>1 − rate</c> in training (dropout's
    /// scale, Gaussian dropout's <c>sqrt(rate / (1 − rate))</c>), so StaticKeras stops there.
    /// Reports anything else; NaN then.
    /// </summary>
    public static double Rate(this LayerArguments a, string argument, string meaning, string example)
    {
        double rate = a.Number(argument, double.NaN);
        if (rate >= 0 && rate < 1)
        {
            return rate;
        }

        a.Error(ErrorKind.InvalidHyperparameter, argument, $"{a.Title}: {argument} must be in [0, 1); got {a.Written(argument)}. It is {meaning}, for example {example}.");
        return double.NaN;
    }
}
