using System.Reflection;
using StaticKeras.Activations;

namespace StaticKeras.Kernels.Tests.Activations;

/// <summary>
/// One built-in activation module, callable from tests by its Keras name: the generic kernels
/// (Dense, the GEMM epilogue) instantiated over its type, and what its attribute declares.
/// </summary>
public abstract class ActivationCase
{
    private static readonly Dictionary<string, ActivationCase> ByName = typeof(IActivation).Assembly.GetTypes()
        .Where(t => t.Namespace == "StaticKeras.Activations" && t.GetCustomAttribute<KerasActivationAttribute>() is not null)
        .Select(t => (ActivationCase)Activator.CreateInstance(typeof(ActivationCase<>).MakeGenericType(t))!)
        .ToDictionary(c => c.Name);

    /// <summary>Every built-in activation's Keras name.</summary>
    public static IEnumerable<string> Names => ByName.Keys.OrderBy(n => n, StringComparer.Ordinal);

    public abstract string Name { get; }

    public abstract Type Type { get; }

    public abstract ActivationDerivative Derivative { get; }

    public abstract LossFusion Fusion { get; }

    public abstract bool Elementwise { get; }

    public static ActivationCase For(string name) => ByName[name];

    public abstract void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength);

    public abstract void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength);

    public abstract void DenseForward(ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias, Span<float> y, int rows, int inputs, int units, Span<float> preActivation);

    public abstract void DenseBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> preActivation, ReadOnlySpan<float> y, Span<float> dy, Span<float> dKernel, Span<float> dBias, Span<float> dx, int rows, int inputs, int units);

    internal abstract void Gemm(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, ReadOnlySpan<float> bias, GemmKernelKind kernel, int threads);

    public override string ToString() => Name;
}

/// <summary>The case of activation type <typeparamref name="T"/>.</summary>
public sealed class ActivationCase<T> : ActivationCase
    where T : struct, IActivation
{
    private readonly KerasActivationAttribute attribute = typeof(T).GetCustomAttribute<KerasActivationAttribute>()!;

    public override string Name => attribute.Name;

    public override Type Type => typeof(T);

    public override ActivationDerivative Derivative => attribute.Derivative;

    public override LossFusion Fusion => attribute.LossFusion;

    public override bool Elementwise => T.Elementwise;

    public override void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength) => T.Forward(x, y, rowLength);

    public override void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength) => T.Backward(x, y, dy, dx, rowLength);

    public override void DenseForward(ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias, Span<float> y, int rows, int inputs, int units, Span<float> preActivation) =>
        DenseKernel.Forward<T>(x, kernel, bias, y, rows, inputs, units, preActivation);

    public override void DenseBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> preActivation, ReadOnlySpan<float> y, Span<float> dy, Span<float> dKernel, Span<float> dBias, Span<float> dx, int rows, int inputs, int units) =>
        DenseKernel.Backward<T>(x, kernel, preActivation, y, dy, dKernel, dBias, dx, accumulateDx: false, rows, inputs, units);

    internal override void Gemm(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, ReadOnlySpan<float> bias, GemmKernelKind kernel, int threads) =>
        Kernels.Gemm.Multiply(a, false, b, false, c, m, n, k, false, bias, GemmActivation.For<T>(), kernel, threads);
}
