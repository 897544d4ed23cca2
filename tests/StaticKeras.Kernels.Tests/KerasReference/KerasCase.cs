using System.Text.Json;

namespace StaticKeras.Kernels.Tests.KerasReference;

/// <summary>One Keras reference case (see tests/data/keras_ref): inputs, weights and expected outputs, all row-major.</summary>
public sealed class KerasCase
{
    private readonly JsonElement root;

    private KerasCase(string id, JsonElement root)
    {
        Id = id;
        this.root = root;
    }

    public string Id { get; }

    public double RelativeTolerance => root.GetProperty("tolerance").GetProperty("rtol").GetDouble();

    public double AbsoluteTolerance => root.GetProperty("tolerance").GetProperty("atol").GetDouble();

    public JsonElement Config => root.GetProperty("keras_config");

    /// <summary>Every case id in index.json.</summary>
    public static IReadOnlyList<string> AllIds()
    {
        using JsonDocument index = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "index.json")));
        return index.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
    }

    public static KerasCase Load(string id)
    {
        using JsonDocument index = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "index.json")));
        string file = index.RootElement.GetProperty("cases").EnumerateArray().First(c => c.GetProperty("id").GetString() == id).GetProperty("file").GetString()!;
        return new KerasCase(id, JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file))).RootElement.Clone());
    }

    public float[] Input(string name) => Data(root.GetProperty("inputs").GetProperty(name));

    public int[] Shape(string section, string name) => root.GetProperty(section).GetProperty(name).GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public float[] Expected(string name) => Data(root.GetProperty("expected").GetProperty(name));

    public float[] Weight(string name) => Data(root.GetProperty("weights").EnumerateArray().First(w => w.GetProperty("name").GetString() == name));

    /// <summary>A plain number in <c>expected</c> (not a tensor), such as Adam's <c>iterations_after</c>.</summary>
    public double ExpectedNumber(string name) => root.GetProperty("expected").GetProperty(name).GetDouble();

    public JsonElement InputElement(string name) => root.GetProperty("inputs").GetProperty(name);

    /// <summary>Asserts every value within the case's tolerance: |got − expected| ≤ atol + rtol·|expected|.</summary>
    public void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double allowed = AbsoluteTolerance + (RelativeTolerance * Math.Abs(expected[i]));
            Assert.True(Math.Abs(actual[i] - expected[i]) <= allowed, $"{Id}: {what}[{i}] = {actual[i]:R}, Keras gives {expected[i]:R} (allowed ±{allowed:G3})");
        }
    }

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "keras_ref");

    private static float[] Data(JsonElement tensor) => tensor.GetProperty("data").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
}
