using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Serving;

/// <summary>The body of <c>POST /predict</c>: <c>{"inputs": [[784 numbers], ...]}</c>, one array per sample.</summary>
/// <param name="Inputs">The samples, each <c>InputSize</c> finite numbers.</param>
public sealed record PredictRequest(float[][]? Inputs);

/// <summary>The answer to <c>POST /predict</c>: <c>{"outputs": [[10 numbers], ...]}</c>, one array per sample, in order.</summary>
/// <param name="Outputs">The model's outputs (for the digit model, the ten class probabilities).</param>
public sealed record PredictResponse(float[][] Outputs);

/// <summary>The body of every 400: <c>{"error": "..."}</c>, saying what is wrong and how to fix it.</summary>
/// <param name="Error">The message.</param>
public sealed record ErrorResponse(string Error);

/// <summary>Source-generated JSON for the service's messages (no reflection, so Native AOT can compile it).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PredictRequest))]
[JsonSerializable(typeof(PredictResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class ServingJson : JsonSerializerContext
{
    /// <summary>
    /// The service's JSON: camelCase, and quotes and apostrophes in messages left as they are
    /// (the default escapes them for HTML pages; these answers are application/json).
    /// </summary>
    public static ServingJson Web { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
