using System.Text.Json;
using StaticKeras.Saving.Json;

namespace StaticKeras.Saving.Tests;

/// <summary>The netstandard2.0 JSON reader parses every real Keras config as System.Text.Json does, and rejects bad JSON by name.</summary>
public sealed class JsonReaderTests
{
    public static TheoryData<string> Configs()
    {
        var data = new TheoryData<string>();
        foreach (string f in Directory.GetFiles(TestFiles.KerasModels, "*_config.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestFiles.KerasModels, f));
        }

        data.Add("keras3/pre_pr22362_nested_container.keras");
        data.Add("keras3/sleepecg_ws_gru_mesa_classifier.keras");
        data.Add("dl4j_simple_rnn/simple_rnn_tf_keras_2_model.h5");
        return data;
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Every_real_config_parses_to_the_same_tree_as_System_Text_Json(string file)
    {
        string path = Path.Combine(TestFiles.KerasModels, file);
        string text = file.EndsWith(".keras", StringComparison.Ordinal) ? KerasArchive.Read(path).ConfigJson
            : file.EndsWith(".h5", StringComparison.Ordinal) ? LegacyKerasFile.Read(path).ModelConfig! : File.ReadAllText(path);

        JsonValue ours = JsonReader.Parse(text, file, "config");

        using JsonDocument reference = JsonDocument.Parse(text);
        AssertSame(reference.RootElement, ours, "$");
    }

    [Fact]
    public void Python_non_finite_floats_and_escapes_are_read()
    {
        JsonValue v = JsonReader.Parse("{\"a\": NaN, \"b\": -Infinity, \"c\": [1e-07, -0.5, 12], \"d\": \"x\\u00e9\\n\\\"\"}", "f", "config.json");

        Assert.Equal(["a", "b", "c", "d"], v.Members.Select(m => m.Key));
        Assert.Equal("NaN", v["a"]!.Text);
        Assert.Equal("-Infinity", v["b"]!.Text);
        Assert.Equal(["1e-07", "-0.5", "12"], v["c"]!.Items.Select(i => i.Text));
        Assert.Equal("xé\n\"", v["d"]!.Text);
    }

    [Theory]
    [InlineData("{\"a\": 1,}", "character 8")]
    [InlineData("[01]", "leading zero")]
    [InlineData("{\"a\" 1}", "':' was expected")]
    [InlineData("\"open", "never closed")]
    [InlineData("[1] 2", "after the end")]
    [InlineData("[1.]", "decimal point")]
    [InlineData("", "end of the text")]
    public void Invalid_json_fails_with_the_file_the_member_and_the_position(string text, string expected)
    {
        var e = Assert.Throws<ModelFileException>(() => JsonReader.Parse(text, "m.keras", "config.json"));

        Assert.Equal("m.keras", e.FilePath);
        Assert.Equal("config.json", e.ObjectPath);
        Assert.Contains(expected, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_256_is_refused_instead_of_overflowing_the_stack()
    {
        var e = Assert.Throws<ModelFileException>(() => JsonReader.Parse(new string('[', 100_000), "f", "config.json"));

        Assert.Contains("nested more than 256", e.Problem, StringComparison.Ordinal);
    }

    private static void AssertSame(JsonElement expected, JsonValue actual, string at)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal(expected.EnumerateObject().Select(p => p.Name), actual.Members.Select(m => m.Key));
                foreach (JsonProperty p in expected.EnumerateObject())
                {
                    AssertSame(p.Value, actual[p.Name]!, at + "." + p.Name);
                }

                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.Items.Count);
                int i = 0;
                foreach (JsonElement item in expected.EnumerateArray())
                {
                    AssertSame(item, actual.Items[i], at + "[" + i++ + "]");
                }

                break;
            case JsonValueKind.String:
                Assert.Equal(JsonKind.String, actual.Kind);
                Assert.Equal(expected.GetString(), actual.Text);
                break;
            case JsonValueKind.Number:
                Assert.Equal(JsonKind.Number, actual.Kind);
                Assert.Equal(expected.GetRawText(), actual.Text);
                break;
            default:
                Assert.Equal(expected.GetRawText(), actual.Text);
                break;
        }
    }
}
