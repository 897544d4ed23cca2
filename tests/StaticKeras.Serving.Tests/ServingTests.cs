using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace StaticKeras.Serving.Tests;

/// <summary>The service's endpoints, good requests and every kind of bad one.</summary>
public sealed class ServingTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    private static float[][] Images(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, 784).Select(_ => (float)random.NextDouble()).ToArray())];
    }

    private static string Body(float[][] inputs) =>
        "{\"inputs\":[" + string.Join(',', inputs.Select(s => "[" + string.Join(',', s.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]")) + "]}";

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await service.Client.PostAsync("/predict", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Error(string body) => JsonDocument.Parse(body).RootElement.GetProperty("error").GetString()!;

    [Fact]
    public async Task Healthz_says_ok_and_model_returns_the_summary_table()
    {
        Assert.Equal("ok\n", await service.Client.GetStringAsync("/healthz"));
        string summary = await service.Client.GetStringAsync("/model");
        Assert.Contains("Model: \"Digits\"", summary);
        Assert.Contains("dense_1 (Dense)", summary);
        Assert.Contains("Total params: 101,770", summary);
    }

    [Fact]
    public async Task Predict_returns_for_each_sample_exactly_what_the_model_predicts()
    {
        float[][] images = Images(3, seed: 1);
        (HttpStatusCode status, string body) = await PostAsync(Body(images));
        Assert.Equal(HttpStatusCode.OK, status);
        float[][] outputs = [.. JsonDocument.Parse(body).RootElement.GetProperty("outputs").EnumerateArray().Select(o => o.EnumerateArray().Select(v => v.GetSingle()).ToArray())];
        float[] expected = service.Reference.Predict([.. images.SelectMany(i => i)]);
        Assert.Equal(3, outputs.Length);
        Assert.Equal(expected, outputs.SelectMany(o => o)); // JSON round-trips floats exactly
    }

    [Fact]
    public async Task Concurrent_requests_all_get_the_serial_results()
    {
        float[][] images = Images(8, seed: 2);
        float[] expected = service.Reference.Predict([.. images.SelectMany(i => i)]);
        string[] bodies = [.. images.Select(i => Body([i]))];
        string[] answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(async r =>
        {
            (HttpStatusCode status, string body) = await PostAsync(bodies[r % 8]);
            Assert.Equal(HttpStatusCode.OK, status);
            return body;
        }));
        for (int r = 0; r < answers.Length; r++)
        {
            float[] output = [.. JsonDocument.Parse(answers[r]).RootElement.GetProperty("outputs")[0].EnumerateArray().Select(v => v.GetSingle())];
            Assert.Equal(expected.AsSpan((r % 8) * 10, 10).ToArray(), output);
        }
    }

    public static TheoryData<string, string, string> BadBodies()
    {
        string image = string.Join(',', Enumerable.Repeat("0.5", 784));
        return new()
        {
            { "malformed JSON", "{\"inputs\": [[0.5, 0.5", "is not the JSON {\"inputs\": [[numbers], ...]}" },
            { "an empty body", "", "is not the JSON" },
            { "a sample of the wrong length", $"{{\"inputs\": [[{image}], [0.5, 0.5]]}}", "inputs[1] has 2 values, but model 'Digits' takes 784 values per sample" },
            { "a NaN literal", $"{{\"inputs\": [[NaN, {image[4..]}]]}}", "is not the JSON" },
            { "NaN as a string", $"{{\"inputs\": [[\"NaN\", {image[4..]}]]}}", "is not the JSON" },
            { "a number beyond float's range", $"{{\"inputs\": [[1e39, {image[4..]}]]}}", "inputs[0][0] is Infinity; every input must be a finite number" },
            { "an empty batch", "{\"inputs\": []}", "The batch is empty" },
            { "no inputs", "{\"samples\": [[1]]}", "The body has no \"inputs\"" },
            { "JSON null", "null", "The body has no \"inputs\"" },
            { "a null sample", "{\"inputs\": [null]}", "inputs[0] is null, but model 'Digits' takes 784" },
            { "too many samples", "{\"inputs\": [" + string.Join(',', Enumerable.Repeat("[0]", 65)) + "]}", "The batch has 65 samples; this service takes at most 64" },
        };
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_request_is_a_400_saying_what_is_wrong(string what, string body, string message)
    {
        (HttpStatusCode status, string response) = await PostAsync(body);
        Assert.True(status == HttpStatusCode.BadRequest, $"{what}: {(int)status} {response}");
        Assert.Contains(message, Error(response));
        Assert.Equal("ok\n", await service.Client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_400_whether_its_length_is_declared_or_not()
    {
        string body = Body(Images(30, seed: 3));
        Assert.True(body.Length > ServiceFixture.BodyLimit);
        (HttpStatusCode status, string response) = await PostAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("over this service's limit of 200,000 bytes", Error(response));

        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        chunked.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using HttpResponseMessage answer = await service.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("over this service's limit", Error(await answer.Content.ReadAsStringAsync()));
    }
}
