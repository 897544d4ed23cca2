using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's categorical encodings (keras/src/utils/numerical_utils.py, <c>encode_categorical_inputs</c>),
/// for <c>CategoryEncoding</c> and <c>Discretization</c>: token ids, held as whole floats in
/// <c>[0, numTokens)</c>, become one-hot rows, multi-hot rows or counts.
/// </summary>
public static class CategoryEncodingKernel
{
    /// <summary>One row of <paramref name="numTokens"/> per id: 1 at the id, 0 elsewhere.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is not a whole number in [0, numTokens); names it and where it is.</exception>
    public static void OneHot(ReadOnlySpan<float> ids, Span<float> y, int numTokens)
    {
        y.Slice(0, ids.Length * numTokens).Clear();
        for (int i = 0; i < ids.Length; i++)
        {
            y[(i * numTokens) + Token(ids[i], i, numTokens)] = 1f;
        }
    }

    /// <summary>
    /// One row of <paramref name="numTokens"/> per <paramref name="length"/> ids: 1 for each id
    /// present (<c>multi_hot</c>), or how often it appears (<c>count</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is not a whole number in [0, numTokens); names it and where it is.</exception>
    public static void MultiHot(ReadOnlySpan<float> ids, Span<float> y, int length, int numTokens, bool count)
    {
        int rows = ids.Length / length;
        y.Slice(0, rows * numTokens).Clear();
        for (int r = 0; r < rows; r++)
        {
            Span<float> row = y.Slice(r * numTokens, numTokens);
            for (int j = 0; j < length; j++)
            {
                int at = (r * length) + j;
                int token = Token(ids[at], at, numTokens);
                row[token] = count ? row[token] + 1f : 1f;
            }
        }
    }

    /// <summary>
    /// The input gradient of a piecewise-constant layer: zero. An encoding (like Keras's, whose
    /// ids are cast to integers) is constant between whole numbers, so its derivative is 0 almost
    /// everywhere; a layer before it receives nothing through it (Keras: no gradient).
    /// </summary>
    public static void NoGradient(Span<float> dx, bool accumulate)
    {
        if (!accumulate)
        {
            dx.Clear();
        }
    }

    private static int Token(float value, int position, int numTokens)
    {
        int token = (int)value;
        if (token != value || token < 0 || token >= numTokens)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Value {value} at position {position} of the batch is not a token id: ids must be whole numbers in [0, {numTokens}). Map the raw values to ids first, or raise NumTokens.");
        }

        return token;
    }
}
