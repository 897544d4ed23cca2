namespace StaticKeras.Onnx;

/// <summary>
/// The three weight tensors of an ONNX recurrent operator for one direction: <c>W</c>
/// <c>(1, gates·units, inputs)</c>, <c>R</c> <c>(1, gates·units, units)</c> and <c>B</c>
/// <c>(1, 2·gates·units)</c> (the input biases, then the recurrent ones).
/// </summary>
/// <param name="W">The input weights, row-major.</param>
/// <param name="R">The recurrent weights, row-major.</param>
/// <param name="B">The biases, row-major.</param>
public sealed record RecurrentWeights(float[] W, float[] R, float[] B);
