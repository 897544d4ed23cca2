using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Modeling.Layers.Custom;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers;

/// <summary>
/// Every layer descriptor, found by reflection over this assembly (so adding a layer edits no
/// list), by the full metadata name of its attribute. User layers and blocks are found by what
/// the reader saw behind their type argument.
/// </summary>
internal static class LayerCatalog
{
    private static readonly LayerDescriptor[] Descriptors = typeof(LayerDescriptor).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(LayerDescriptor).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (LayerDescriptor)Activator.CreateInstance(t)!)
        .ToArray();

    private static readonly Dictionary<string, LayerDescriptor> ByAttribute = Descriptors.ToDictionary(d => d.AttributeName, StringComparer.Ordinal);

    /// <summary>Every descriptor, ordered by type name.</summary>
    public static IReadOnlyList<LayerDescriptor> All => Descriptors;

    /// <summary>The descriptor of a layer use, or null for an attribute StaticKeras does not know.</summary>
    public static LayerDescriptor? Find(LayerSpec spec)
    {
        if (spec.UserLayer is not null)
        {
            return Of<UserLayer>();
        }

        if (spec.Block is not null || spec.BlockProblem is not null)
        {
            return Of<Block>();
        }

        return ByAttribute.TryGetValue(spec.AttributeName, out LayerDescriptor? descriptor) ? descriptor : null;
    }

    /// <summary>The one instance of descriptor type <typeparamref name="T"/>.</summary>
    public static T Of<T>()
        where T : LayerDescriptor => (T)Descriptors.First(d => d is T);
}
