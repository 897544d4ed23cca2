using System;
using StaticKeras.Activations;

namespace StaticKeras.Kernels;

/// <summary>
/// The activation a GEMM's epilogue applies after the bias: ReLU in registers before the store
/// (the one every network has, so it costs nothing), any other elementwise activation on each
/// row of a finished tile while it is still in L1, through a pointer to its <c>Forward</c>.
/// </summary>
internal readonly unsafe struct GemmActivation
{
    private GemmActivation(bool relu, delegate*<ReadOnlySpan<float>, Span<float>, int, void> tile)
    {
        Relu = relu;
        Tile = tile;
    }

    /// <summary>No activation.</summary>
    public static GemmActivation None => default;

    /// <summary>ReLU, applied in registers.</summary>
    public static GemmActivation ReluInRegisters => new(true, null);

    /// <summary>True to apply ReLU to each tile in registers.</summary>
    public bool Relu { get; }

    /// <summary>The activation applied to each row of a stored tile, or null.</summary>
    public delegate*<ReadOnlySpan<float>, Span<float>, int, void> Tile { get; }

    /// <summary>
    /// The epilogue of an elementwise activation: none for <see cref="Linear"/>, registers for
    /// <see cref="Activations.Relu"/>, its <c>Forward</c> per tile otherwise. The type tests fold
    /// away: <typeparamref name="TActivation"/> is a struct, so each instantiation is its own code.
    /// </summary>
    public static GemmActivation For<TActivation>()
        where TActivation : struct, IActivation
    {
        if (typeof(TActivation) == typeof(Linear))
        {
            return None;
        }

        if (typeof(TActivation) == typeof(Activations.Relu))
        {
            return ReluInRegisters;
        }

        if (!TActivation.Elementwise)
        {
            throw new ArgumentException($"{typeof(TActivation).Name} is not elementwise, so a GEMM cannot apply it tile by tile; apply it to the finished rows.", nameof(TActivation));
        }

        return new(false, &TActivation.Forward);
    }

    /// <summary>True when there is nothing to apply after the bias.</summary>
    public bool IsNone => !Relu && Tile == null;
}
