using System.Collections;
using System.Reflection;
using StaticKeras.Modeling.Layers;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Tests;

/// <summary>
/// One layer, one place: every public layer attribute has exactly one descriptor and every
/// descriptor an attribute, and the defaults the attributes declare are the ones the descriptors
/// parse (Keras's defaults are written in the attribute for users and read once by the descriptor).
/// </summary>
public sealed class DescriptorTests
{
    private static readonly Type[] Attributes = typeof(LayerAttribute).Assembly.GetExportedTypes()
        .Where(t => !t.IsAbstract && typeof(LayerAttribute).IsAssignableFrom(t))
        .ToArray();

    public static TheoryData<string> AttributeNames() => new(Attributes.Select(t => t.FullName!));

    [Fact]
    public void Every_layer_attribute_has_exactly_one_descriptor_and_every_descriptor_an_attribute()
    {
        // Attributes over LayerAttribute<T> (a built-in written through the user contract, as ELU) share its descriptor.
        string[] attributes = Attributes.Where(t => t.IsGenericTypeDefinition || UserLayerType(t) is null).Select(t => t.FullName!).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        string[] descriptors = LayerCatalog.All.Select(d => d.AttributeName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(attributes, descriptors);
        Assert.Equal(descriptors.Length, descriptors.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(AttributeNames))]
    public void The_attribute_defaults_are_the_descriptor_defaults(string attributeName)
    {
        Type type = Attributes.Single(t => t.FullName == attributeName);
        if (type.IsGenericTypeDefinition)
        {
            return; // User layers and blocks take their arguments from the user's types.
        }

        if (UserLayerType(type) is not null)
        {
            // The generator reads such an attribute's defaults from [DefaultValue], so it must equal the initializer.
            object instance = Activator.CreateInstance(type)!;
            foreach (PropertyInfo property in type.GetProperties().Where(p => p.CanWrite && p.Name is not ("Name" or "Input")))
            {
                var declared = property.GetCustomAttribute<System.ComponentModel.DefaultValueAttribute>();
                Assert.True(declared is not null, $"{type.Name}.{property.Name} needs [DefaultValue] for the generator.");
                Assert.Equal(property.GetValue(instance), declared.Value);
            }

            return;
        }

        ConstructorInfo constructor = type.GetConstructors().OrderBy(c => c.GetParameters().Length).First();
        object?[] constructorArguments = constructor.GetParameters().Select(Sample).ToArray();
        object attribute = constructor.Invoke(constructorArguments);
        var written = constructor.GetParameters().Select((p, i) => new ArgumentSpec(char.ToUpperInvariant(p.Name![0]) + p.Name[1..], Value(constructorArguments[i]), IsNamed: false)).ToList();
        var defaults = type.GetProperties()
            .Where(p => p.CanWrite && p.Name is not ("Name" or "Input"))
            .Select(p => new ArgumentSpec(p.Name, Value(p.GetValue(attribute)), IsNamed: true));

        LayerConfig? implicitDefaults = Parse(type, written);
        LayerConfig? explicitDefaults = Parse(type, [.. written, .. defaults]);
        Assert.NotNull(implicitDefaults);
        Assert.Equal(implicitDefaults, explicitDefaults);
    }

    /// <summary>The TLayer of an attribute deriving from LayerAttribute&lt;TLayer&gt;, or null.</summary>
    private static Type? UserLayerType(Type attribute)
    {
        for (Type? t = attribute; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(LayerAttribute<>))
            {
                return t.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static LayerConfig? Parse(Type attribute, List<ArgumentSpec> arguments)
    {
        var spec = new LayerSpec(0, attribute.FullName!, attribute.Name, arguments.ToEquatableArray(), IsMalformed: false);
        LayerDescriptor descriptor = LayerCatalog.Find(spec)!;
        var errors = new List<ModelError>();
        LayerConfig? config = descriptor.ParseConfig(new LayerArguments(spec, "layer", Specs.Activations, errors));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)));
        return config;
    }

    /// <summary>A valid value for a constructor parameter (the test is about the properties' defaults).</summary>
    private static object? Sample(ParameterInfo parameter)
    {
        Type type = parameter.ParameterType;
        return type == typeof(int) ? 4
            : type == typeof(double) ? 0.5
            : type == typeof(int[]) ? new[] { 4, 4 }
            : type == typeof(double[]) ? new[] { 0.0, 1.0 }
            : type == typeof(string[]) ? new[] { "a", "b" }
            : type == typeof(object) ? "relu"
            : type == typeof(string) && parameter.Name == "mode" ? "horizontal"
            : type == typeof(string) ? "x"
            : throw new NotSupportedException(type.Name);
    }

    private static ArgumentValue Value(object? value) => value switch
    {
        null => ArgumentValue.Null,
        bool b => ArgumentValue.FromBoolean(b),
        int i => ArgumentValue.FromNumber(i),
        double d => ArgumentValue.FromNumber(d),
        float f => ArgumentValue.FromNumber(f),
        string s => ArgumentValue.FromText(s),
        int[] a => ArgumentValue.FromNumbers(a.Select(x => (double)x).ToArray()),
        double[] a => ArgumentValue.FromNumbers(a),
        string[] a => ArgumentValue.FromTexts(a),
        Enum e => ArgumentValue.FromEnum(e.ToString(), Convert.ToDouble(e)),
        IEnumerable => throw new NotSupportedException(value.GetType().Name),
        _ => throw new NotSupportedException(value.GetType().Name),
    };
}
