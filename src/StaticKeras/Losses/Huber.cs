using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Huber</c> (<c>keras/src/losses/losses.py</c>, <c>huber</c>): for <c>e = y_pred − y_true</c>,
/// <c>½e²</c> where <c>|e| ≤ δ</c>, else <c>δ|e| − ½δ²</c>; averaged over the last axis.
/// </summary>
public sealed class Huber : ElementwiseLoss
{
    /// <summary>Creates the loss with Keras's default δ = 1.</summary>
    /// <param name="delta">Where the loss turns from quadratic to linear.</param>
    public Huber(float delta = 1f) => Delta = delta;

    /// <summary>δ, where the loss turns from quadratic to linear.</summary>
    public float Delta { get; }

    /// <inheritdoc/>
    public override string Name => "huber_loss";

    /// <inheritdoc/>
    protected override double Element(double prediction, double label, out double derivative)
    {
        double e = prediction - label, delta = Delta;
        if (Math.Abs(e) <= delta)
        {
            derivative = e;
            return 0.5 * e * e;
        }

        derivative = delta * Math.Sign(e);
        return (delta * Math.Abs(e)) - (0.5 * delta * delta);
    }
}

/// <summary>
/// Keras's <c>LogCosh</c> (<c>losses.py</c>, <c>log_cosh</c>): <c>log(cosh(x))</c> for <c>x = y_pred − y_true</c>,
/// computed as Keras does, <c>x + softplus(−2x) − log 2</c>, which never overflows; averaged over the last axis.
/// </summary>
public sealed class LogCosh : ElementwiseLoss
{
    /// <inheritdoc/>
    public override string Name => "log_cosh";

    /// <inheritdoc/>
    protected override double Element(double prediction, double label, out double derivative)
    {
        double x = prediction - label, z = -2 * x;
        derivative = Math.Tanh(x);
        return x + (Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)))) - Math.Log(2);
    }
}

/// <summary>Keras's <c>Poisson</c> (<c>losses.py</c>, <c>poisson</c>): <c>y_pred − y_true·log(y_pred + ε)</c>, ε = 1e-7; averaged over the last axis.</summary>
public sealed class Poisson : ElementwiseLoss
{
    private const double Epsilon = 1e-7;

    /// <inheritdoc/>
    public override string Name => "poisson";

    /// <inheritdoc/>
    protected override double Element(double prediction, double label, out double derivative)
    {
        derivative = 1 - (label / (prediction + Epsilon));
        return prediction - (label * Math.Log(prediction + Epsilon));
    }
}

/// <summary>
/// Keras's <c>MeanAbsolutePercentageError</c> (<c>losses.py</c>): <c>100·|(y_true − y_pred) / max(|y_true|, ε)|</c>,
/// ε = 1e-7; averaged over the last axis.
/// </summary>
public sealed class MeanAbsolutePercentageError : ElementwiseLoss
{
    private const double Epsilon = 1e-7;

    /// <inheritdoc/>
    public override string Name => "mean_absolute_percentage_error";

    /// <inheritdoc/>
    protected override double Element(double prediction, double label, out double derivative)
    {
        double scale = 100 / Math.Max(Math.Abs(label), Epsilon);
        derivative = scale * Math.Sign(prediction - label);
        return scale * Math.Abs(label - prediction);
    }
}

/// <summary>
/// Keras's <c>MeanSquaredLogarithmicError</c> (<c>losses.py</c>): <c>(log(max(y_pred, ε) + 1) − log(max(y_true, ε) + 1))²</c>,
/// ε = 1e-7; averaged over the last axis.
/// </summary>
public sealed class MeanSquaredLogarithmicError : ElementwiseLoss
{
    private const double Epsilon = 1e-7;

    /// <inheritdoc/>
    public override string Name => "mean_squared_logarithmic_error";

    /// <inheritdoc/>
    protected override double Element(double prediction, double label, out double derivative)
    {
        double d = Math.Log(Math.Max(prediction, Epsilon) + 1) - Math.Log(Math.Max(label, Epsilon) + 1);
        derivative = prediction > Epsilon ? 2 * d / (prediction + 1) : 0;
        return d * d;
    }
}
