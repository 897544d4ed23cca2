using System.Collections.Generic;

namespace StaticKeras.Modeling.Lowering;

/// <summary>One kernel call of a layer's lowering: the method (with type arguments) and its arguments.</summary>
/// <param name="Target">The method, fully qualified: <c>global::StaticKeras.Kernels.DenseKernel.Forward&lt;...&gt;</c>.</param>
/// <param name="Arguments">Its arguments in order.</param>
internal sealed record LayerOp(string Target, IReadOnlyList<OpArg> Arguments);

/// <summary>A buffer a layer asks for: a cache (read by forward and backward ops) or scratch (read by one op).</summary>
/// <param name="Name">Its name within the layer (<c>mask</c>, <c>pre_activation</c>).</param>
/// <param name="Floats">Its size: per sample when <paramref name="PerSample"/>, else in all.</param>
/// <param name="PerSample">True when it scales with the batch.</param>
/// <param name="Comment">What it holds, for the emitted declaration.</param>
internal sealed record BufferRequest(string Name, int Floats, bool PerSample, string Comment);

/// <summary>A static field a layer's calls refer to (a user layer's <c>LayerInfo</c>), emitted once in the model class.</summary>
/// <param name="Suffix">Appended to the layer's identifier to name the field (<c>_info</c>).</param>
/// <param name="Type">Its type, fully qualified.</param>
/// <param name="Initializer">Its initializer expression.</param>
/// <param name="Comment">What it is, for its doc comment.</param>
internal sealed record FieldRequest(string Suffix, string Type, string Initializer, string Comment);
