namespace StaticKeras;

/// <summary>
/// Which loss the model's output activation cancels against, so the loss may hand back the
/// gradient with respect to the pre-activation: exact, cheaper and stable (softmax with the
/// categorical cross-entropies, sigmoid with binary cross-entropy). An activation declares it;
/// the generator passes the output layer's to the loss.
/// </summary>
public enum LossFusion
{
    /// <summary>The output activation fuses with no loss.</summary>
    None,

    /// <summary>The output is a softmax over the last axis.</summary>
    Softmax,

    /// <summary>The output is an elementwise sigmoid.</summary>
    Sigmoid,
}
