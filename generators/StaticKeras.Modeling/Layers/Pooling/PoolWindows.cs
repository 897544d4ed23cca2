using System;

namespace StaticKeras.Modeling.Layers.Pooling;

/// <summary>
/// Window arithmetic of one axis, as Keras's <c>compute_pooling_output_shape</c>
/// (keras/src/ops/operation_utils.py) and the backends' <c>SAME</c> padding compute it.
/// </summary>
internal static class PoolWindows
{
    /// <summary>
    /// Outputs along an axis: <c>floor((input − pool) / stride) + 1</c> for <c>valid</c> (below 1
    /// when the pool is longer than the input), <c>floor((input − 1) / stride) + 1</c> for <c>same</c>.
    /// </summary>
    public static int Outputs(int input, int pool, int stride, bool same) =>
        same ? ((input - 1) / stride) + 1 : input < pool ? 0 : ((input - pool) / stride) + 1;

    /// <summary>
    /// Keras's <c>same</c> padding: total <c>max(0, (out − 1)·stride + pool − input)</c>, half
    /// before and the odd one after (TensorFlow's and XLA's <c>SAME</c>); nothing for <c>valid</c>.
    /// </summary>
    public static (int Before, int After) Padding(int input, int pool, int stride, bool same)
    {
        if (!same)
        {
            return (0, 0);
        }

        int total = Math.Max(0, ((Outputs(input, pool, stride, true) - 1) * stride) + pool - input);
        return (total / 2, total - (total / 2));
    }
}
