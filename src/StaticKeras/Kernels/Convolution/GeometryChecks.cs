using System;

namespace StaticKeras.Kernels;

/// <summary>Argument checks the geometry types share, written once so their messages agree.</summary>
internal static class GeometryChecks
{
    /// <summary>Throws unless <paramref name="value"/> is at least 1.</summary>
    /// <param name="value">The argument's value.</param>
    /// <param name="name">The argument's name.</param>
    /// <param name="what">What needs it ("a convolution", "pooling").</param>
    public static void RequirePositive(int value, string name, string what)
    {
        if (value < 1)
        {
            throw new ArgumentException($"{name} is {value}, but {what} needs at least 1.", name);
        }
    }
}
