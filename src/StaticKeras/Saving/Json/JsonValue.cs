using System.Collections.Generic;

namespace StaticKeras.Saving.Json;

/// <summary>The kinds of JSON value.</summary>
internal enum JsonKind
{
    Null,
    False,
    True,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// A parsed JSON value (a Keras <c>config.json</c> or <c>model_config</c>): objects keep their members
/// in file order, numbers keep their text so a config can be compared and reported exactly as written.
/// </summary>
/// <remarks>
/// Written for netstandard2.0 (the source generator reads model configs at compile time, and
/// System.Text.Json is awkward to load into the compiler); the runtime may use it too.
/// </remarks>
internal sealed class JsonValue
{
    private static readonly List<JsonValue> NoItems = new();
    private static readonly List<KeyValuePair<string, JsonValue>> NoMembers = new();

    private JsonValue(JsonKind kind, string text, List<JsonValue>? items, List<KeyValuePair<string, JsonValue>>? members)
    {
        Kind = kind;
        Text = text;
        Items = items ?? NoItems;
        Members = members ?? NoMembers;
    }

    public JsonKind Kind { get; }

    /// <summary>A string's value, a number's text as written, or <c>null</c>/<c>true</c>/<c>false</c>.</summary>
    public string Text { get; }

    /// <summary>An array's items (empty for other kinds).</summary>
    public IReadOnlyList<JsonValue> Items { get; }

    /// <summary>An object's members in file order (empty for other kinds).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonValue>> Members { get; }

    /// <summary>The member <paramref name="name"/> of an object, or null (also for other kinds).</summary>
    public JsonValue? this[string name]
    {
        get
        {
            foreach (KeyValuePair<string, JsonValue> m in Members)
            {
                if (m.Key == name)
                {
                    return m.Value;
                }
            }

            return null;
        }
    }

    public static JsonValue Null { get; } = new(JsonKind.Null, "null", null, null);

    public static JsonValue True { get; } = new(JsonKind.True, "true", null, null);

    public static JsonValue False { get; } = new(JsonKind.False, "false", null, null);

    public static JsonValue Number(string text) => new(JsonKind.Number, text, null, null);

    public static JsonValue String(string value) => new(JsonKind.String, value, null, null);

    public static JsonValue Array(List<JsonValue> items) => new(JsonKind.Array, string.Empty, items, null);

    public static JsonValue Object(List<KeyValuePair<string, JsonValue>> members) => new(JsonKind.Object, string.Empty, null, members);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        JsonKind.String => "\"" + Text + "\"",
        JsonKind.Array => "[" + Items.Count + " items]",
        JsonKind.Object => "{" + Members.Count + " members}",
        _ => Text,
    };
}
