using System.Collections.Generic;
using System.Globalization;

namespace StaticKeras.Modeling.Lowering;

/// <summary>What an <see cref="OpArg"/> refers to; the planner turns each into code.</summary>
internal enum OpArgKind
{
    /// <summary>Literal code (<see cref="OpArg.Text"/>): a number, <c>true</c>, a type name.</summary>
    Code,

    /// <summary>The buffer holding input <see cref="OpArg.Position"/>.</summary>
    Input,

    /// <summary>The layer's output buffer.</summary>
    Output,

    /// <summary>dL/d(output).</summary>
    OutputGradient,

    /// <summary>dL/d(input <see cref="OpArg.Position"/>), or <c>default</c> when no layer before needs it.</summary>
    InputGradient,

    /// <summary>The layer's weight <see cref="OpArg.Text"/>, read-only.</summary>
    Weight,

    /// <summary>The gradient of weight <see cref="OpArg.Text"/>.</summary>
    WeightGradient,

    /// <summary>Weight <see cref="OpArg.Text"/>, written by the training forward pass (moving statistics).</summary>
    State,

    /// <summary>A buffer of the layer's own (<see cref="OpArg.Text"/>): a cache when forward and backward ops share it, op-local scratch otherwise.</summary>
    Buffer,

    /// <summary><c>true</c> when another reader of input <see cref="OpArg.Position"/> already wrote its gradient, so this layer adds to it.</summary>
    Accumulate,

    /// <summary>For the model's output layer, whether the loss gave dL/d(pre-activation); <c>false</c> elsewhere.</summary>
    PreActivationFlag,

    /// <summary>A random stream: the model's (<see cref="OpArg.Position"/> 0) or one seeded with <see cref="OpArg.Position"/>.</summary>
    Random,

    /// <summary>The batch size, <c>batch</c>.</summary>
    Batch,

    /// <summary>A static field of the model class the layer asked for (<see cref="OpArg.Text"/> is its suffix).</summary>
    Field,

    /// <summary>
    /// Op-local scratch whose size only the kernel knows (<see cref="OpArg.Text"/> is the C# expression
    /// that gives it): every such scratch shares one region at the end of the workspace, as large as
    /// the largest, since each lives only during its own call.
    /// </summary>
    Scratch,

    /// <summary>
    /// A buffer derived from the weights (a convolution's Winograd-transformed kernel) that the
    /// inference pass reads: kept by the model, rebuilt by the layer's prepare calls after the weights change.
    /// <see cref="OpArg.Text"/> is its name, <see cref="OpArg.Parts"/>[0] its size as code.
    /// </summary>
    Derived,

    /// <summary>Code formatted from <see cref="OpArg.Text"/> with the resolved <see cref="OpArg.Parts"/> as <c>{0}</c>, <c>{1}</c>, ...</summary>
    Format,
}

/// <summary>
/// One argument of a kernel call in a layer's lowering: a reference to a buffer, weight or flag
/// that the planner resolves (to a local, <c>default</c>, <c>true</c>), or literal code.
/// </summary>
/// <param name="Kind">What it refers to.</param>
/// <param name="Text">The code, weight name, buffer name or format.</param>
/// <param name="Position">The input position, or the random seed.</param>
/// <param name="Label">A parameter name to write it with (<c>accumulate: false</c>), or null.</param>
/// <param name="Parts">For <see cref="OpArgKind.Format"/>, the arguments formatted in.</param>
internal sealed record OpArg(OpArgKind Kind, string Text, int Position = 0, string? Label = null, IReadOnlyList<OpArg>? Parts = null)
{
    /// <summary>Literal code.</summary>
    public static OpArg Code(string code) => new(OpArgKind.Code, code);

    /// <summary>An integer literal.</summary>
    public static OpArg Int(int value) => Code(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A float literal (<c>0.5f</c>).</summary>
    public static OpArg Float(double value) => Code(FloatLiteral(value));

    /// <summary>A bool literal.</summary>
    public static OpArg Bool(bool value) => Code(value ? "true" : "false");

    /// <summary>An element count per sample times the batch: <c>batch</c> or <c>784 * batch</c>.</summary>
    public static OpArg PerBatch(int perSample) =>
        perSample == 1 ? new OpArg(OpArgKind.Batch, string.Empty) : Format("{0} * {1}", Code(perSample.ToString(CultureInfo.InvariantCulture)), new OpArg(OpArgKind.Batch, string.Empty));

    /// <summary>The batch size.</summary>
    public static OpArg Batch => new(OpArgKind.Batch, string.Empty);

    /// <summary>Code with resolved parts formatted in.</summary>
    public static OpArg Format(string format, params OpArg[] parts) => new(OpArgKind.Format, format, Parts: parts);

    /// <summary>This argument written with a parameter name: <c>accumulate: false</c>.</summary>
    public OpArg Named(string label) => this with { Label = label };

    /// <summary>A float literal that round-trips, with the <c>f</c> suffix; infinities as <c>float.PositiveInfinity</c>.</summary>
    public static string FloatLiteral(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "float.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "float.NegativeInfinity";
        }

        return ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";
    }
}
