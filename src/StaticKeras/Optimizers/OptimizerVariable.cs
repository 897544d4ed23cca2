using System;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// One variable of an optimizer (Keras's <c>optimizer.variables[i]</c>): its Keras name and shape,
/// and a live view of its value. <c>iteration</c> is an integer (<see cref="IntegerValue"/>); every
/// other variable is float32 (<see cref="Values"/>).
/// </summary>
public sealed class OptimizerVariable
{
    private readonly Optimizer owner;
    private readonly AlignedBuffer? buffer;
    private readonly float[]? cell;
    private readonly int offset;
    private readonly int size;

    private OptimizerVariable(Optimizer owner, string name, int[] shape, AlignedBuffer? buffer, float[]? cell, int offset, int size)
    {
        this.owner = owner;
        this.buffer = buffer;
        this.cell = cell;
        this.offset = offset;
        this.size = size;
        Name = name;
        Shape = shape;
    }

    /// <summary>Keras's name: <c>iteration</c>, <c>learning_rate</c>, <c>dense_kernel_momentum</c>.</summary>
    public string Name { get; }

    /// <summary>Keras's path, the optimizer's name and the variable's: <c>adam/dense_kernel_momentum</c>.</summary>
    public string Path => owner.Name + "/" + Name;

    /// <summary>Its shape: <c>()</c> for scalars, the weight's shape for slots.</summary>
    public int[] Shape { get; }

    /// <summary>True for <c>iteration</c>, Keras's only integer variable.</summary>
    public bool IsInteger => buffer is null && cell is null;

    /// <summary>The value of an integer variable (the raw step counter, accumulation steps included).</summary>
    /// <exception cref="InvalidOperationException">The variable is float32.</exception>
    public long IntegerValue
    {
        get => IsInteger ? owner.RawIterations : throw NotOfKind("an integer");
        set => owner.RawIterations = IsInteger ? value : throw NotOfKind("an integer");
    }

    /// <summary>The values of a float32 variable, in place (row-major in Keras's layout).</summary>
    /// <exception cref="InvalidOperationException">The variable is the integer <c>iteration</c>.</exception>
    public Span<float> Values =>
        buffer is not null ? buffer.Span.Slice(offset, size)
        : cell is not null ? cell.AsSpan(offset, size)
        : throw NotOfKind("a float32");

    internal static OptimizerVariable Iteration(Optimizer owner) => new(owner, "iteration", [], null, null, 0, 1);

    internal static OptimizerVariable Scalar(Optimizer owner, string name, float[] cell, int index) => new(owner, name, [], null, cell, index, 1);

    internal static OptimizerVariable Slot(Optimizer owner, string name, WeightDefinition weight, AlignedBuffer buffer) =>
        new(owner, name, weight.Shape, buffer, null, weight.Offset, weight.Size);

    /// <inheritdoc/>
    public override string ToString() => $"{Path} {ModelDefinition.FormatShape(Shape)}";

    private InvalidOperationException NotOfKind(string kind) =>
        new($"Optimizer variable '{Path}' is not {kind} variable; read {(IsInteger ? "IntegerValue" : "Values")} instead.");
}
