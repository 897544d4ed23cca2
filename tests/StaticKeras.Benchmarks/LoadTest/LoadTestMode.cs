using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Serving;

namespace StaticKeras.Benchmarks.LoadTest;

/// <summary>
/// The prediction service under load, beside the same service over ONNX Runtime: the digit
/// model (784 → 128 ReLU → 10 softmax) with the same weights behind the same endpoints
/// (samples/Serving's app, two predictors), both on 127.0.0.1 in this process, and one bounded
/// client run against each in turn, round after round. With <c>url=</c> it loads one service
/// already running (the Native AOT binary) instead.
/// </summary>
public static class LoadTestMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        LoadSettings settings = LoadSettings.Parse(args);
        byte[][] bodies = Bodies(settings.Batch, count: 64);
        Console.WriteLine($"load test: {settings.Requests:N0} requests from {settings.Connections} connections, {settings.Batch} image(s) per request, {settings.Rounds} round(s); {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine("Both services run requests concurrently: Model.Predict is thread-safe (pooled workspaces), as ONNX Runtime's Run is.");
        if (settings.Url is { } url)
        {
            var external = new Dictionary<string, List<LoadResult>> { [url.ToString()] = [] };
            await WarmUp([url], bodies, settings);
            for (int round = 1; round <= settings.Rounds; round++)
            {
                await Measure($"round {round} {url}", url, settings, bodies, external, url.ToString());
            }

            return Report(external);
        }

        var model = new Digits(seed: 42);
        using var ort = new OrtServingPredictor(model, ["relu", "softmax"]);
        (string Name, IPredictor Predictor)[] services = [("StaticKeras", new ModelPredictor(model)), ($"ONNX Runtime {Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetVersionString()}", ort)];
        var apps = new List<WebApplication>();
        try
        {
            var addresses = new List<Uri>();
            foreach ((_, IPredictor predictor) in services)
            {
                WebApplication app = ServingApp.Create(predictor, new ServingOptions { Port = 0 });
                await app.StartAsync();
                apps.Add(app);
                addresses.Add(ServingApp.Address(app));
            }

            await CheckSameAnswers(addresses, bodies[0]);
            var results = services.ToDictionary(s => s.Name, _ => new List<LoadResult>());
            await WarmUp(addresses, bodies, settings);

            for (int round = 1; round <= settings.Rounds; round++)
            {
                for (int k = 0; k < services.Length; k++)
                {
                    int i = round % 2 == 1 ? k : services.Length - 1 - k; // alternate who goes first
                    await Measure($"round {round} {services[i].Name}", addresses[i], settings, bodies, results, services[i].Name);
                }
            }

            return Report(results);
        }
        finally
        {
            foreach (WebApplication app in apps)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Warm-up load on each service, twice with a pause: tiered compilation promotes the JSON,
    /// Kestrel and kernel methods to optimised code only after calls and a quiet moment (one
    /// pass left the first measured round at a third of the later ones' throughput).
    /// </summary>
    private static async Task WarmUp(List<Uri> addresses, byte[][] bodies, LoadSettings settings)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            foreach (Uri address in addresses)
            {
                await LoadClient.RunAsync(address, bodies, settings.WarmUp, settings.Connections, settings.Limit);
            }

            await Task.Delay(500);
        }
    }

    private static async Task Measure(string label, Uri address, LoadSettings settings, byte[][] bodies, Dictionary<string, List<LoadResult>> results, string? key = null)
    {
        LoadResult r = await LoadClient.RunAsync(address, bodies, settings.Requests, settings.Connections, settings.Limit);
        results[key ?? label].Add(r);
        Console.WriteLine($"{label}: {r.Throughput:0} requests/s, p50 {r.Percentile(0.50):0.00} ms, p99 {r.Percentile(0.99):0.00} ms, errors {r.Errors}");
    }

    /// <summary>The README's table: each service's median over rounds. Exit code 1 when any request failed.</summary>
    private static int Report(Dictionary<string, List<LoadResult>> results)
    {
        Console.WriteLine();
        Console.WriteLine("| service | requests/s | p50 (ms) | p99 (ms) | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach ((string name, List<LoadResult> runs) in results)
        {
            Console.WriteLine($"| {name} | {Median(runs.Select(r => r.Throughput)):0} | {Median(runs.Select(r => r.Percentile(0.5))):0.00} | {Median(runs.Select(r => r.Percentile(0.99))):0.00} | {runs.Sum(r => r.Errors)} |");
        }

        return results.Values.Sum(runs => runs.Sum(r => r.Errors)) == 0 ? 0 : 1;
    }

    /// <summary>Both services must answer one request alike (within 1e-5), or the comparison means nothing.</summary>
    private static async Task CheckSameAnswers(List<Uri> addresses, byte[] body)
    {
        using var client = new HttpClient();
        var answers = new List<float[]>();
        foreach (Uri address in addresses)
        {
            using HttpResponseMessage response = await client.PostAsync(new Uri(address, "/predict"), new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });
            response.EnsureSuccessStatusCode();
            using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            answers.Add([.. json.RootElement.GetProperty("outputs").EnumerateArray().SelectMany(o => o.EnumerateArray()).Select(v => v.GetSingle())]);
        }

        double worst = answers[0].Zip(answers[1], (a, b) => Math.Abs(a - b)).Max();
        if (worst > 1e-5)
        {
            throw new InvalidOperationException($"The two services disagree by {worst:E2}; they are not serving the same model.");
        }
    }

    /// <summary>Request bodies of MNIST-like images (pixels k/255, seeded), <paramref name="batch"/> per body.</summary>
    private static byte[][] Bodies(int batch, int count)
    {
        var random = new Random(7);
        var bodies = new byte[count][];
        for (int b = 0; b < count; b++)
        {
            var json = new StringBuilder("{\"inputs\":[");
            for (int s = 0; s < batch; s++)
            {
                json.Append(s == 0 ? "[" : ",[");
                json.AppendJoin(',', Enumerable.Range(0, 784).Select(_ => (random.Next(256) / 255f).ToString("R", CultureInfo.InvariantCulture)));
                json.Append(']');
            }

            bodies[b] = Encoding.UTF8.GetBytes(json.Append("]}").ToString());
        }

        return bodies;
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
