using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's <c>Discretization</c> (keras/src/layers/preprocessing/discretization.py, <c>call</c>:
/// <c>numpy.digitize(inputs, bin_boundaries)</c>): each value becomes the number of boundaries at
/// or below it, so boundaries <c>[0, 1, 2]</c> give <c>(−∞, 0) → 0</c>, <c>[0, 1) → 1</c>, ..., <c>[2, ∞) → 3</c>.
/// </summary>
public static class DiscretizationKernel
{
    /// <summary>Writes each value's bin index.</summary>
    /// <param name="x">The values.</param>
    /// <param name="bins">Receives the bin indices, as floats.</param>
    /// <param name="boundaries">The increasing bin boundaries.</param>
    public static void Forward(ReadOnlySpan<float> x, Span<float> bins, ReadOnlySpan<float> boundaries)
    {
        for (int i = 0; i < x.Length; i++)
        {
            // Binary search for the first boundary above x: the count of boundaries <= x.
            int low = 0, high = boundaries.Length;
            float v = x[i];
            while (low < high)
            {
                int middle = (low + high) >>> 1;
                if (boundaries[middle] <= v)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            bins[i] = low;
        }
    }
}
