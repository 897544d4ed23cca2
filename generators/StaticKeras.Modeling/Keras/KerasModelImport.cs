using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using StaticKeras.Modeling.Layers;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;
using StaticKeras.Saving;
using StaticKeras.Saving.Hdf5;
using StaticKeras.Saving.Json;

namespace StaticKeras.Modeling.Keras;

/// <summary>
/// Turns a Keras model file into the declaration it stands for, at compile time: a <c>.keras</c>
/// archive (its <c>config.json</c>), a legacy <c>.h5</c> (its <c>model_config</c> attribute) or a
/// <c>model.to_json()</c> file; a Sequential or Functional config (Keras 2 and 3 forms) becomes
/// one layer spec per layer, each read by its descriptor's <see cref="LayerDescriptor.ReadKerasConfig"/>.
/// What cannot be expressed is a problem naming the file, the layer and the argument; the
/// generator then emits no model and the analyzer reports the problems on the attribute.
/// </summary>
internal static class KerasModelImport
{
    // Layer members every layer has, handled here rather than by the descriptors.
    private static readonly string[] BaseMembers = { "name", "trainable", "dtype", "batch_input_shape", "batch_shape", "input_shape", "input_dim", "batch_size" };

    public static KerasImport Import(KerasModelRequest request, byte[]? data, string fileName)
    {
        var problems = new List<string>();
        EquatableArray<byte> embedded = request.EmbedWeights && data is not null ? data.ToEquatableArray() : EquatableArray<byte>.Empty;
        if (data is null)
        {
            problems.Add($"The Keras file '{request.Path}' is not among the project's AdditionalFiles. Add it: <ItemGroup><AdditionalFiles Include=\"{request.Path}\" /></ItemGroup>.");
            return new KerasImport(request, null, problems.ToEquatableArray(), fileName, embedded);
        }

        try
        {
            JsonValue config = JsonReader.Parse(ConfigText(data, fileName), fileName, "model config");
            List<LayerSpec> layers = ReadModel(config, request, fileName, problems);
            ModelSpec? spec = problems.Count == 0 ? new ModelSpec(request.Type, layers.ToEquatableArray(), request.Issues, request.Activations) : null;
            return new KerasImport(request, spec, problems.ToEquatableArray(), fileName, embedded);
        }
        catch (ModelFileException e)
        {
            problems.Add($"The Keras file '{request.Path}' cannot be read: {e.Message}.");
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException or DecoderFallbackException)
        {
            problems.Add($"The Keras file '{request.Path}' cannot be read ({e.Message}); it is truncated, corrupted or not a Keras model file.");
        }

        return new KerasImport(request, null, problems.ToEquatableArray(), fileName, embedded);
    }

    /// <summary>The model config's JSON text in any of the three file kinds, told apart by their first bytes.</summary>
    private static string ConfigText(byte[] data, string fileName)
    {
        var utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        if (data.Length > 4 && data[0] == 'P' && data[1] == 'K')
        {
            using var zip = new ZipArchive(new MemoryStream(data, writable: false), ZipArchiveMode.Read);
            ZipArchiveEntry entry = zip.GetEntry("config.json") ?? throw new ModelFileException(fileName, "config.json", "is missing; a .keras archive holds config.json, metadata.json and model.weights.h5");
            using var reader = new StreamReader(entry.Open(), utf8);
            return reader.ReadToEnd();
        }

        if (data.Length > 8 && data[0] == 0x89 && data[1] == 'H' && data[2] == 'D' && data[3] == 'F')
        {
            H5Node root = H5Node.OpenRoot(data, fileName);
            return root.Attribute("model_config")?.String()
                ?? throw new ModelFileException(fileName, "/", "has no 'model_config' attribute: it holds weights only. Give [KerasModel] the whole-model file (model.save) or the model.to_json() file, and load these weights with LoadWeights");
        }

        return utf8.GetString(data);
    }

    private static List<LayerSpec> ReadModel(JsonValue root, KerasModelRequest request, string file, List<string> problems)
    {
        string cls = root["class_name"]?.Text ?? "?";
        JsonValue? config = root["config"];
        if (cls == "Sequential" && config is not null)
        {
            // Keras 2.0/2.1 wrote a Sequential's config as the list of its layers.
            IReadOnlyList<JsonValue> entries = config.Kind == JsonKind.Array ? config.Items : config["layers"]?.Items ?? new JsonValue[0];
            return Sequential(entries, request, file, problems);
        }

        if (cls is "Functional" or "Model" && config?["layers"] is { Kind: JsonKind.Array } list)
        {
            return Functional(list.Items, config, request, file, problems);
        }

        problems.Add($"{file}: the model is a {cls}; StaticKeras imports Sequential and Functional models (a subclassed model's layers are not in its config).");
        return new List<LayerSpec>();
    }

    private static List<LayerSpec> Sequential(IReadOnlyList<JsonValue> entries, KerasModelRequest request, string file, List<string> problems)
    {
        var layers = new List<LayerSpec>();
        if (entries.Count > 0 && entries[0]["class_name"]?.Text != "InputLayer")
        {
            // Keras 2: the first layer carries the input shape; its input layer is named '<layer>_input'.
            JsonValue first = entries[0]["config"] ?? JsonValue.Null;
            layers.Add(InputSpec(0, Text(first["name"]) + "_input", first["batch_input_shape"] ?? first["batch_shape"], file, problems));
        }

        foreach (JsonValue entry in entries)
        {
            layers.Add(Layer(layers.Count, entry, null, request, file, problems));
        }

        return layers;
    }

    private static List<LayerSpec> Functional(IReadOnlyList<JsonValue> entries, JsonValue config, KerasModelRequest request, string file, List<string> problems)
    {
        var layers = new List<LayerSpec>();
        foreach (JsonValue entry in entries)
        {
            layers.Add(Layer(layers.Count, entry, InboundNames(entry, file, problems), request, file, problems));
        }

        // StaticKeras's output is the last declared layer.
        string? output = FirstName(config["output_layers"]);
        if (output is not null && layers.Count > 0 && layers[layers.Count - 1].Find("Name")?.Value.Text != output)
        {
            problems.Add($"{file}: the model's output is '{output}', which is not its last layer; StaticKeras takes the last layer as the output (one output per model).");
        }

        return layers;
    }

    private static LayerSpec Layer(int index, JsonValue entry, List<string>? inputs, KerasModelRequest request, string file, List<string> problems)
    {
        string cls = Text(entry["class_name"]);
        JsonValue config = entry["config"] ?? JsonValue.Null;
        string name = Text(config["name"] ?? entry["name"]);
        if (cls == "InputLayer")
        {
            return InputSpec(index, name, config["batch_shape"] ?? config["batch_input_shape"], file, problems);
        }

        var reader = new KerasConfigReader(config, $"{file}: {cls} '{name}'");
        reader.Ignore(BaseMembers);
        reader.MustBeNone("activity_regularizer");
        string attribute = Read(cls, reader, request, out UserLayerSpec? userLayer);
        if (attribute.Length == 0)
        {
            problems.Add($"{file}: layer '{name}' is a {cls}, which StaticKeras has no layer for. The layers it has: {string.Join(", ", KnownClasses(request))}.");
            return new LayerSpec(index, "?", cls, EquatableArray<ArgumentSpec>.Empty, IsMalformed: true);
        }

        reader.ReportUnread();
        problems.AddRange(reader.Problems);
        var arguments = new List<ArgumentSpec>(reader.Arguments) { new("Name", ArgumentValue.FromText(name), IsNamed: true) };
        if (inputs is not null)
        {
            bool many = LayerCatalog.All.FirstOrDefault(d => d.AttributeName == attribute)?.Arity == LayerArity.Many;
            arguments.Add(many ? new ArgumentSpec("Inputs", ArgumentValue.FromTexts(inputs.ToArray()), IsNamed: false) : new ArgumentSpec("Input", ArgumentValue.FromText(inputs.FirstOrDefault() ?? string.Empty), IsNamed: true));
            if (!many && inputs.Count != 1)
            {
                problems.Add($"{file}: layer '{name}' ({cls}) reads {inputs.Count} tensors; StaticKeras's {cls} takes one.");
            }
        }

        return new LayerSpec(index, attribute, cls, arguments.ToEquatableArray(), IsMalformed: reader.Problems.Count > 0) { UserLayer = userLayer };
    }

    /// <summary>Reads a layer's config with the descriptor of its Keras class (or a user-layer built-in); the attribute's name, or empty when there is none.</summary>
    private static string Read(string cls, KerasConfigReader reader, KerasModelRequest request, out UserLayerSpec? userLayer)
    {
        userLayer = null;
        LayerDescriptor? descriptor = LayerCatalog.All.FirstOrDefault(d => d.KerasClassName == cls && d is not Layers.Custom.UserLayer and not Layers.Custom.Block);
        if (descriptor is not null)
        {
            descriptor.ReadKerasConfig(reader);
            return descriptor.AttributeName;
        }

        KerasUserLayer? user = request.UserLayers.FirstOrDefault(u => u.KerasClassName == cls);
        if (user is null)
        {
            return string.Empty;
        }

        // A user layer's arguments are its attribute's properties, snake_case in the config.
        foreach ((string property, double _) in user.Layer.Defaults)
        {
            reader.Number(LayerNaming.SnakeCase(property), property);
        }

        userLayer = user.Layer;
        return user.AttributeName;
    }

    private static LayerSpec InputSpec(int index, string name, JsonValue? batchShape, string file, List<string> problems)
    {
        var dims = new List<double>();
        IReadOnlyList<JsonValue> items = batchShape?.Items ?? new JsonValue[0];
        for (int i = 1; i < items.Count; i++)
        {
            if (items[i].Kind != JsonKind.Number)
            {
                problems.Add($"{file}: input '{name}' has shape {KerasConfigReader.Show(batchShape!)}, with an unknown dimension {i}; StaticKeras fixes every dimension but the batch at compile time.");
                return new LayerSpec(index, "?", "InputLayer", EquatableArray<ArgumentSpec>.Empty, IsMalformed: true);
            }

            dims.Add(KerasConfigReader.Number(items[i]));
        }

        if (items.Count < 2)
        {
            problems.Add($"{file}: input '{name}' has no input shape (batch_shape); StaticKeras needs the shape of one sample.");
        }

        return new LayerSpec(
            index,
            "StaticKeras.InputAttribute",
            "Input",
            EquatableArray.Create(new ArgumentSpec("Shape", ArgumentValue.FromNumbers(dims.ToArray()), IsNamed: false), new ArgumentSpec("Name", ArgumentValue.FromText(name), IsNamed: true)),
            IsMalformed: false);
    }

    /// <summary>The names of the layers a Functional layer's one call reads (Keras 3's args of Keras tensors, or Keras 2's node lists).</summary>
    private static List<string> InboundNames(JsonValue entry, string file, List<string> problems)
    {
        var names = new List<string>();
        IReadOnlyList<JsonValue> nodes = entry["inbound_nodes"]?.Items ?? new JsonValue[0];
        if (nodes.Count > 1)
        {
            problems.Add($"{file}: layer '{Text(entry["name"])}' is called {nodes.Count} times; StaticKeras layers are used once (declare one per use).");
        }

        if (nodes.Count > 0)
        {
            Collect(nodes[0], names);
        }

        return names;
    }

    private static void Collect(JsonValue value, List<string> names)
    {
        if (value.Kind == JsonKind.Object && value["config"]?["keras_history"] is { Kind: JsonKind.Array } history)
        {
            names.Add(history.Items[0].Text);
        }
        else if (value.Kind == JsonKind.Object)
        {
            foreach (KeyValuePair<string, JsonValue> m in value.Members)
            {
                if (m.Key == "args")
                {
                    Collect(m.Value, names);
                }
            }
        }
        else if (value.Kind == JsonKind.Array && value.Items.Count >= 3 && value.Items[0].Kind == JsonKind.String && value.Items[1].Kind == JsonKind.Number)
        {
            names.Add(value.Items[0].Text); // Keras 2: [layer, node, tensor, kwargs]
        }
        else if (value.Kind == JsonKind.Array)
        {
            foreach (JsonValue item in value.Items)
            {
                Collect(item, names);
            }
        }
    }

    private static string? FirstName(JsonValue? layers)
    {
        for (JsonValue? v = layers; v is { Kind: JsonKind.Array } && v.Items.Count > 0; v = v.Items[0])
        {
            if (v.Items[0].Kind == JsonKind.String)
            {
                return v.Items[0].Text;
            }
        }

        return null;
    }

    private static IEnumerable<string> KnownClasses(KerasModelRequest request) =>
        LayerCatalog.All.Where(d => d is not Layers.Custom.UserLayer and not Layers.Custom.Block).Select(d => d.KerasClassName)
            .Concat(request.UserLayers.Select(u => u.KerasClassName)).OrderBy(n => n, StringComparer.Ordinal);

    private static string Text(JsonValue? value) => value is { Kind: JsonKind.String } ? value.Text : "?";
}
