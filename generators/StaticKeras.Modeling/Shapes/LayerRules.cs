using System;
using System.Collections.Generic;
using StaticKeras.Modeling.Shapes.Rules;

namespace StaticKeras.Modeling.Shapes;

/// <summary>The catalog of layer rules, by attribute type name. A new layer adds one line here.</summary>
internal static class LayerRules
{
    private static readonly Dictionary<string, LayerRule> ByTypeName = Create(
        new InputRule(),
        new DenseRule(),
        new DropoutRule(),
        new FlattenRule(),
        new ReshapeRule(),
        new AddRule(),
        new MultiplyRule(),
        new ConcatenateRule());

    /// <summary>Finds the rule for a layer type, or null for an attribute we do not know.</summary>
    public static LayerRule? Find(string typeName) => ByTypeName.TryGetValue(typeName, out LayerRule? rule) ? rule : null;

    private static Dictionary<string, LayerRule> Create(params LayerRule[] rules)
    {
        var map = new Dictionary<string, LayerRule>(StringComparer.Ordinal);
        foreach (LayerRule rule in rules)
        {
            map.Add(rule.TypeName, rule);
        }

        return map;
    }
}
