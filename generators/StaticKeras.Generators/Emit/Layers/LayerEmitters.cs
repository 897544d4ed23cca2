using System.Collections.Generic;

namespace StaticKeras.Generators.Emit.Layers;

/// <summary>The catalog of layer emitters, by layer type. A new layer adds one line here.</summary>
internal static class LayerEmitters
{
    private static readonly Dictionary<string, LayerEmitter> ByTypeName = Create(
        new InputEmitter(),
        new DenseEmitter(),
        new DropoutEmitter(),
        new ReshapeEmitter("Flatten"),
        new ReshapeEmitter("Reshape"),
        new AddEmitter(),
        new MultiplyEmitter(),
        new ConcatenateEmitter());

    /// <summary>The emitter of a layer type (every type with a shape rule has one; a test checks it).</summary>
    public static LayerEmitter For(string typeName) => ByTypeName[typeName];

    /// <summary>True when the type has an emitter.</summary>
    public static bool Has(string typeName) => ByTypeName.ContainsKey(typeName);

    private static Dictionary<string, LayerEmitter> Create(params LayerEmitter[] emitters)
    {
        var map = new Dictionary<string, LayerEmitter>();
        foreach (LayerEmitter emitter in emitters)
        {
            map.Add(emitter.TypeName, emitter);
        }

        return map;
    }
}
