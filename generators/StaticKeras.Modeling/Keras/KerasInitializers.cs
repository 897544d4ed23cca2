using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Saving.Json;

namespace StaticKeras.Modeling.Keras;

/// <summary>
/// Keras's initializer names and their serialized classes (keras/src/initializers/__init__.py,
/// <c>ALL_OBJECTS_DICT</c>; the configs are each class's <c>get_config</c> with its defaults),
/// both ways: a config file names classes, a declaration names the snake_case alias.
/// </summary>
internal static class KerasInitializers
{
    // name, class, default config (random_initializers.py and constant_initializers.py).
    private static readonly (string Name, string Class, string Config)[] Known =
    {
        ("zeros", "Zeros", "{}"),
        ("ones", "Ones", "{}"),
        ("constant", "Constant", "{\"value\": 0.0}"),
        ("identity", "IdentityInitializer", "{\"gain\": 1.0}"),
        ("glorot_uniform", "GlorotUniform", "{\"seed\": null}"),
        ("glorot_normal", "GlorotNormal", "{\"seed\": null}"),
        ("he_uniform", "HeUniform", "{\"seed\": null}"),
        ("he_normal", "HeNormal", "{\"seed\": null}"),
        ("lecun_uniform", "LecunUniform", "{\"seed\": null}"),
        ("lecun_normal", "LecunNormal", "{\"seed\": null}"),
        ("orthogonal", "OrthogonalInitializer", "{\"gain\": 1.0, \"seed\": null}"),
        ("random_uniform", "RandomUniform", "{\"minval\": -0.05, \"maxval\": 0.05, \"seed\": null}"),
        ("uniform", "RandomUniform", "{\"minval\": -0.05, \"maxval\": 0.05, \"seed\": null}"),
        ("random_normal", "RandomNormal", "{\"mean\": 0.0, \"stddev\": 0.05, \"seed\": null}"),
        ("normal", "RandomNormal", "{\"mean\": 0.0, \"stddev\": 0.05, \"seed\": null}"),
        ("truncated_normal", "TruncatedNormal", "{\"mean\": 0.0, \"stddev\": 0.05, \"seed\": null}"),
        ("variance_scaling", "VarianceScaling", "{\"scale\": 1.0, \"mode\": \"fan_in\", \"distribution\": \"truncated_normal\", \"seed\": null}"),
    };

    // Keras 2 and tf.keras wrote the variance-scaling family as VarianceScaling with its arguments.
    private static readonly (double Scale, string Mode, string Distribution, string Name)[] VarianceScaling =
    {
        (1, "fan_avg", "uniform", "glorot_uniform"),
        (1, "fan_avg", "normal", "glorot_normal"),
        (1, "fan_avg", "truncated_normal", "glorot_normal"),
        (2, "fan_in", "uniform", "he_uniform"),
        (2, "fan_in", "normal", "he_normal"),
        (2, "fan_in", "truncated_normal", "he_normal"),
        (1, "fan_in", "uniform", "lecun_uniform"),
        (1, "fan_in", "normal", "lecun_normal"),
        (1, "fan_in", "truncated_normal", "lecun_normal"),
    };

    /// <summary>The serialized form of an initializer name, as Keras 3 writes it in a layer's config.</summary>
    public static string Serialize(string name)
    {
        (string _, string cls, string config) = Known.FirstOrDefault(k => k.Name == name);
        cls ??= "VarianceScaling";
        config ??= Known.Last().Config;
        return $"{{\"module\": \"keras.initializers\", \"class_name\": \"{cls}\", \"config\": {config}, \"registered_name\": null}}";
    }

    /// <summary>
    /// The initializer name a config value means: a string alias, or an object with
    /// <c>class_name</c> (and, for VarianceScaling, its arguments). Null when StaticKeras has none.
    /// </summary>
    public static string? Parse(JsonValue value)
    {
        if (value.Kind == JsonKind.String)
        {
            return Known.Any(k => k.Name == value.Text) ? value.Text : Known.FirstOrDefault(k => k.Class == value.Text).Name;
        }

        if (value.Kind != JsonKind.Object || value["class_name"] is not { Kind: JsonKind.String } cls)
        {
            return null;
        }

        if (cls.Text == "VarianceScaling" && value["config"] is { Kind: JsonKind.Object } config)
        {
            double scale = double.TryParse(config["scale"]?.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double s) ? s : 1;
            string mode = config["mode"]?.Text ?? "fan_in";
            string distribution = config["distribution"]?.Text ?? "truncated_normal";
            return VarianceScaling.FirstOrDefault(v => v.Scale == scale && v.Mode == mode && v.Distribution == distribution).Name ?? "variance_scaling";
        }

        // Keras 2 spelled some classes differently (Orthogonal, Identity).
        string name = cls.Text switch { "Orthogonal" => "OrthogonalInitializer", "Identity" => "IdentityInitializer", _ => cls.Text };
        return Known.FirstOrDefault(k => string.Equals(k.Class, name, StringComparison.Ordinal)).Name;
    }

    /// <summary>The Keras names StaticKeras has, for messages.</summary>
    public static IEnumerable<string> Names => Known.Select(k => k.Name);
}
