using System;
using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Modeling.Shapes;

/// <summary>
/// The Keras initializer names StaticKeras implements (<c>StaticKeras.Initializers</c> in the
/// runtime; a test keeps the two lists equal).
/// </summary>
internal static class KnownInitializers
{
    public static readonly IReadOnlyList<string> Names = new[]
    {
        "zeros", "ones", "glorot_uniform", "glorot_normal", "he_uniform", "he_normal",
        "lecun_uniform", "lecun_normal", "random_uniform", "random_normal", "truncated_normal",
        "uniform", "normal", "orthogonal", "identity", "variance_scaling", "constant",
    };

    public static bool Contains(string name) => Names.Contains(name, StringComparer.Ordinal);
}
