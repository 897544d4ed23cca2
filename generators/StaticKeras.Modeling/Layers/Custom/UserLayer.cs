using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Custom;

/// <summary>A user layer's use: what its type declares, and the numeric arguments its attribute was given.</summary>
/// <param name="Layer">The type's declarations.</param>
/// <param name="Arguments">Numeric and boolean arguments by property name (booleans as 0 or 1).</param>
internal sealed record UserLayerConfig(UserLayerSpec Layer, EquatableArray<(string Name, double Value)> Arguments) : LayerConfig
{
    public IReadOnlyDictionary<string, double> ArgumentMap => Arguments.ToDictionary(a => a.Name, a => a.Value);
}

/// <summary>
/// <c>[Layer&lt;T&gt;]</c> and attributes deriving from <c>LayerAttribute&lt;T&gt;</c>: a user's
/// <c>ILayer</c> type. Its shape contract is evaluated here at compile time, so a shape mismatch
/// around it is an SK error like any other; the generated passes call its static methods.
/// </summary>
internal sealed class UserLayer : LayerDescriptor<UserLayerConfig>
{
    public override string AttributeName => "StaticKeras.LayerAttribute`1";

    public override string KerasClassName => "Layer";

    public override string ClassName(LayerSpec spec) => spec.UserLayer?.Name ?? KerasClassName;

    protected override UserLayerConfig? Parse(LayerArguments a)
    {
        UserLayerSpec layer = a.Spec.UserLayer!;
        string? problem = !layer.ImplementsLayer
            ? $"{layer.Name} does not implement StaticKeras.ILayer. Declare it ': ILayer' with static Forward(in LayerContext, ReadOnlySpan<float> input, Span<float> output) and Backward(in LayerContext, input, output, outputGradient, inputGradient) methods"
            : layer.Contract is null
                ? $"{layer.Name} has no shape contract. Add [LayerShape(\"(*, d) -> (*, d)\")] to it, saying which input shapes it takes and the output shape it gives"
                : ShapeContract.Parse(layer.Contract, out string? contractProblem) is null
                    ? $"{layer.Name}'s [LayerShape] is malformed: {contractProblem}"
                    : WeightProblem(layer);
        if (problem is not null)
        {
            a.Error(ErrorKind.InvalidModule, null, $"{a.Title} cannot be used: {problem}.");
            return null;
        }

        var written = a.Spec.Arguments
            .Where(x => x.Value.Kind is ArgumentKind.Number or ArgumentKind.Boolean)
            .Select(x => (x.Name, x.Value.Number))
            .ToList();
        var arguments = written.Concat(layer.Defaults.Where(d => !written.Any(w => w.Name == d.Name))).ToEquatableArray();
        return new UserLayerConfig(layer, arguments);
    }

    protected override void Infer(UserLayerConfig c, LayerInference layer)
    {
        ShapeContract contract = ShapeContract.Parse(c.Layer.Contract!, out _)!;
        if (contract.Bind(layer.Input, out string? problem) is not { } binding)
        {
            layer.Error(ErrorKind.IncompatibleInput, null, $"{layer.Title} cannot take '{layer.InputName(0)}': {problem}. Change the input (a Reshape or Flatten before it), or the contract on {c.Layer.Name}.");
            return;
        }

        if (binding.Evaluate(contract.Output, c.ArgumentMap, out problem) is not { } output)
        {
            layer.Error(ErrorKind.IncompatibleInput, null, $"{layer.Title} has no output shape for input {layer.Input}: its contract's output {problem}.");
            return;
        }

        foreach (UserWeightSpec weight in c.Layer.Weights)
        {
            if (WeightShape(weight.Shape, binding, c, layer, weight.Name) is not { } dims)
            {
                return;
            }

            (int fanIn, int fanOut) = Fans(dims);
            layer.AddWeight(weight.Name, Shape.Of(dims), weight.Initializer, fanIn, fanOut, weight.Trainable);
        }

        foreach (UserCacheSpec cache in c.Layer.Caches)
        {
            if (WeightShape(cache.Shape, binding, c, layer, cache.Name) is null)
            {
                return;
            }
        }

        layer.SetOutput(Shape.Of(output));
    }

    protected override void Lower(UserLayerConfig c, LayerLowering l)
    {
        ShapeContract contract = ShapeContract.Parse(c.Layer.Contract!, out _)!;
        ContractBinding binding = contract.Bind(l.InputShape(), out _)!;
        int[] caches = c.Layer.Caches.Select(k => Size(ShapeExpression.ParseList(k.Shape, out _)!, binding, c)).ToArray();
        OpArg info = l.Field("_info", "global::StaticKeras.LayerInfo", Info(c, l, caches), $"{l.Layer.Path} ({c.Layer.Name}) in this model: its shapes, weight offsets and arguments");
        OpArg cacheBuffer = l.Training && caches.Sum() > 0 ? l.Buffer("caches", caches.Sum(), $"{c.Layer.Name}'s caches: {string.Join(", ", c.Layer.Caches.Select(k => k.Name))}") : OpArg.Code("default");
        OpArg Context(string gradients) => OpArg.Format(
            "new global::StaticKeras.LayerContext({0}, {1}, training: {2}, Parameters, " + gradients + ", {3}, {4})",
            info, OpArg.Batch, OpArg.Bool(l.Training), cacheBuffer, l.Random(0));
        l.Forward(c.Layer.TypeName + ".Forward", Context("default"), l.Input(), l.Output);
        l.Backward(c.Layer.TypeName + ".Backward", Context("Gradients"), l.Input(), l.Output, l.OutputGradient, l.InputGradient());
    }

    protected override void Export(UserLayerConfig c, LayerLowering l)
    {
        if (!c.Layer.ExportsOnnx)
        {
            l.CannotExport($"it is a user layer ({c.Layer.Name}) without a static ExportOnnx method writing its ONNX nodes");
            return;
        }

        ShapeContract contract = ShapeContract.Parse(c.Layer.Contract!, out _)!;
        ContractBinding binding = contract.Bind(l.InputShape(), out _)!;
        int[] caches = c.Layer.Caches.Select(k => Size(ShapeExpression.ParseList(k.Shape, out _)!, binding, c)).ToArray();
        OpArg info = l.Field("_info", "global::StaticKeras.LayerInfo", Info(c, l, caches), $"{l.Layer.Path} ({c.Layer.Name}) in this model: its shapes, weight offsets and arguments");
        l.Export(c.Layer.TypeName + ".ExportOnnx", LayerLowering.Graph, info, l.InputName(), OpArg.Code("parameters"));
    }

    /// <summary>Keras's <c>compute_fans</c> (keras/src/initializers/random_initializers.py).</summary>
    internal static (int FanIn, int FanOut) Fans(int[] shape)
    {
        if (shape.Length == 0)
        {
            return (1, 1);
        }

        if (shape.Length == 1)
        {
            return (shape[0], shape[0]);
        }

        int receptive = shape.Take(shape.Length - 2).Aggregate(1, (p, d) => p * d);
        return (shape[shape.Length - 2] * receptive, shape[shape.Length - 1] * receptive);
    }

    private static string? WeightProblem(UserLayerSpec layer)
    {
        foreach (UserWeightSpec weight in layer.Weights)
        {
            if (ShapeExpression.ParseList(weight.Shape, out string? problem) is null)
            {
                return $"its weight '{weight.Name}' has shape {problem}";
            }

            if (!KnownInitializers.Contains(weight.Initializer))
            {
                return $"its weight '{weight.Name}' has initializer \"{weight.Initializer}\", which is not a Keras initializer name; use one of {string.Join(", ", KnownInitializers.Names)}";
            }
        }

        foreach (UserCacheSpec cache in layer.Caches)
        {
            if (ShapeExpression.ParseList(cache.Shape, out string? problem) is null)
            {
                return $"its cache '{cache.Name}' has shape {problem}";
            }
        }

        return null;
    }

    private static int[]? WeightShape(string shape, ContractBinding binding, UserLayerConfig c, LayerInference layer, string name)
    {
        int[]? dims = binding.Evaluate(ShapeExpression.ParseList(shape, out _)!, c.ArgumentMap, out string? problem);
        if (dims is null || dims.Any(d => d < 1))
        {
            layer.Error(ErrorKind.IncompatibleInput, null, $"{layer.Title}'s '{name}' {shape} cannot be sized for input {layer.Input}: {problem ?? "a dimension is below 1"}.");
            return null;
        }

        return dims;
    }

    private static int Size(List<ShapeExpression> dims, ContractBinding binding, UserLayerConfig c) =>
        binding.Evaluate(dims, c.ArgumentMap, out _)!.Aggregate(1, (p, d) => p * d);

    private static string Info(UserLayerConfig c, LayerLowering l, int[] caches)
    {
        static string Ints(IEnumerable<int> values) => "[" + string.Join(", ", values) + "]";
        static string Texts(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(v => "\"" + v + "\"")) + "]";
        string numbers = "[" + string.Join(", ", c.Arguments.Select(a => a.Value.ToString("R", CultureInfo.InvariantCulture))) + "]";
        return $"new(\"{l.Layer.Path}\", {Ints(l.InputShape().Dims)}, {Ints(l.OutputShape.Dims)}, "
            + $"{Texts(l.Layer.Weights.Select(w => w.Name))}, {Ints(l.Layer.Weights.Select(w => l.WeightOffset(w.Name)))}, {Ints(l.Layer.Weights.Select(w => w.Size))}, "
            + $"{Ints(caches)}, {Texts(c.Arguments.Select(a => a.Name))}, {numbers})";
    }

    /// <summary>
    /// A user layer's config is its attribute's arguments under snake_case names (Keras's
    /// <c>get_config</c> of a layer built from its constructor arguments): <c>Alpha</c> → <c>alpha</c>.
    /// </summary>
    protected override void ToKeras(UserLayerConfig c, KerasConfigWriter k)
    {
        foreach ((string name, double value) in c.Arguments)
        {
            string key = LayerNaming.SnakeCase(name);
            if (value == System.Math.Floor(value) && System.Math.Abs(value) < 1e15)
            {
                k.Int(key, (int)value);
            }
            else
            {
                k.Float(key, value);
            }
        }
    }
}
