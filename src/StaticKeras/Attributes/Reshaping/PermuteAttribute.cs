namespace StaticKeras;

/// <summary>
/// Keras's <c>Permute(dims)</c> (keras/src/layers/reshaping/permute.py): the axes of each sample
/// reordered; output axis <c>k</c> is input axis <c>dims[k]</c>, counted from 1 (the batch is axis
/// 0 and stays first).
/// </summary>
/// <example><code>[Permute(2, 1)]</code> turns <c>(steps, features)</c> into <c>(features, steps)</c>.</example>
public sealed class PermuteAttribute : SingleInputLayerAttribute
{
    /// <summary>Declares a permutation.</summary>
    /// <param name="dims">Every axis 1..rank of the input once, in the output's order.</param>
    public PermuteAttribute(params int[] dims) => Dims = dims;

    /// <summary>The permutation, 1-based.</summary>
    public int[] Dims { get; }
}
