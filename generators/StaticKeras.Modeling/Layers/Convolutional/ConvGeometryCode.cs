using System.Collections.Generic;
using System.Globalization;
using StaticKeras.Modeling.Lowering;

namespace StaticKeras.Modeling.Layers.Convolutional;

/// <summary>
/// A convolution's constant geometry as a static field of the model (<c>conv2d_geometry</c>),
/// written as a constructor call with only the arguments that differ from their defaults, so the
/// generated line reads as the layer was declared.
/// </summary>
internal sealed class ConvGeometryCode
{
    private const string Type = LayerLowering.Kernels + "ConvGeometry";
    private readonly List<string> arguments = new();

    private ConvGeometryCode(string factory) => Factory = factory;

    private string Factory { get; }

    /// <summary>A 2D geometry: <c>new(height: 28, width: 28, channels: 1, filters: 32, kernelHeight: 3, kernelWidth: 3)</c>.</summary>
    public static ConvGeometryCode Conv2D() => new("new");

    /// <summary>A Conv1D geometry: <c>ConvGeometry.Conv1D(length: 100, ...)</c>.</summary>
    public static ConvGeometryCode Conv1D() => new(Type + ".Conv1D");

    /// <summary>A DepthwiseConv2D geometry: <c>ConvGeometry.Depthwise(...)</c>.</summary>
    public static ConvGeometryCode Depthwise() => new(Type + ".Depthwise");

    /// <summary>The adjoint geometry of a Conv2DTranspose: <c>Conv2DTransposeKernel.Geometry(...)</c>.</summary>
    public static ConvGeometryCode Transpose() => new(LayerLowering.Kernels + "Conv2DTransposeKernel.Geometry");

    /// <summary>Adds an argument always written.</summary>
    public ConvGeometryCode With(string name, int value)
    {
        arguments.Add(name + ": " + value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Adds an argument written only when it is not <paramref name="fallback"/>.</summary>
    public ConvGeometryCode With(string name, int value, int fallback) => value == fallback ? this : With(name, value);

    /// <summary>Adds code written as it is (<c>same: true</c>, <c>outputPaddingHeight: null</c>).</summary>
    public ConvGeometryCode WithCode(string name, string code)
    {
        arguments.Add(name + ": " + code);
        return this;
    }

    /// <summary>The constructor call as code.</summary>
    public string Expression => Factory + "(" + string.Join(", ", arguments) + ")";

    /// <summary>The layer's geometry field, for its kernel calls.</summary>
    public OpArg Field(LayerLowering l, string comment) => l.Field("_geometry", Type, Expression, comment);
}
