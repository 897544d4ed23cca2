using System;
using System.Globalization;
using System.Linq;

namespace StaticKeras.Modeling.Specs;

/// <summary>What kind of constant an attribute argument holds.</summary>
internal enum ArgumentKind
{
    /// <summary>A null constant (a string or array argument given as null).</summary>
    Null,

    /// <summary>An integer or floating-point number, held as <see cref="double"/>.</summary>
    Number,

    /// <summary>A bool, held as 0 or 1 in <see cref="ArgumentValue.Number"/>.</summary>
    Boolean,

    /// <summary>A string.</summary>
    Text,

    /// <summary>An enum member: its name in <see cref="ArgumentValue.Text"/>, its value in <see cref="ArgumentValue.Number"/>.</summary>
    EnumMember,

    /// <summary>An array of numbers.</summary>
    NumberArray,

    /// <summary>An array of strings.</summary>
    TextArray,

    /// <summary>A <c>typeof(T)</c>: the type's fully qualified name (<c>global::MyApp.Swish</c>) in <see cref="ArgumentValue.Text"/>.</summary>
    Type,
}

/// <summary>
/// One attribute argument's constant value, detached from Roslyn.
/// </summary>
/// <remarks>
/// Equality: by kind and content (records compare <see cref="EquatableArray{T}"/> by elements).
/// Integers are held exactly as doubles (every int fits), so one numeric path serves all.
/// </remarks>
internal sealed record ArgumentValue(
    ArgumentKind Kind,
    double Number,
    string? Text,
    EquatableArray<double> Numbers,
    EquatableArray<string> Texts)
{
    public static ArgumentValue Null { get; } = new(ArgumentKind.Null, 0, null, default, default);

    public static ArgumentValue FromNumber(double value) => new(ArgumentKind.Number, value, null, default, default);

    public static ArgumentValue FromBoolean(bool value) => new(ArgumentKind.Boolean, value ? 1 : 0, null, default, default);

    public static ArgumentValue FromText(string value) => new(ArgumentKind.Text, 0, value, default, default);

    public static ArgumentValue FromEnum(string member, double value) => new(ArgumentKind.EnumMember, value, member, default, default);

    public static ArgumentValue FromType(string fullyQualifiedName) => new(ArgumentKind.Type, 0, fullyQualifiedName, default, default);

    public static ArgumentValue FromNumbers(params double[] values) =>
        new(ArgumentKind.NumberArray, 0, null, EquatableArray.Create(values), default);

    public static ArgumentValue FromTexts(params string[] values) =>
        new(ArgumentKind.TextArray, 0, null, default, EquatableArray.Create(values));

    /// <summary>The value as C# source would show it, for messages.</summary>
    public override string ToString() => Kind switch
    {
        ArgumentKind.Null => "null",
        ArgumentKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        ArgumentKind.Boolean => Number != 0 ? "true" : "false",
        ArgumentKind.Text => "\"" + Text + "\"",
        ArgumentKind.EnumMember => Text ?? Number.ToString(CultureInfo.InvariantCulture),
        ArgumentKind.NumberArray => "[" + string.Join(", ", Numbers.Select(n => n.ToString("R", CultureInfo.InvariantCulture))) + "]",
        ArgumentKind.TextArray => "[" + string.Join(", ", Texts.Select(t => "\"" + t + "\"")) + "]",
        ArgumentKind.Type => "typeof(" + (Text ?? "?").Replace("global::", string.Empty) + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };
}

/// <summary>A named attribute argument: constructor parameters are named in PascalCase like properties.</summary>
/// <param name="Name">The PascalCase name (<c>Units</c>, <c>Activation</c>, <c>Inputs</c>).</param>
/// <param name="Value">The constant.</param>
/// <param name="IsNamed">True for a named property argument (<c>Name = "h"</c>), false for a constructor argument.</param>
/// <remarks>Equality: by value of all three fields.</remarks>
internal sealed record ArgumentSpec(string Name, ArgumentValue Value, bool IsNamed);
