using System.Diagnostics;
using System.Net;

namespace StaticKeras.Benchmarks.LoadTest;

/// <summary>What one load run measured.</summary>
/// <param name="Requests">Requests asked for.</param>
/// <param name="Seconds">Wall time from the first request sent to the last answer read.</param>
/// <param name="LatenciesMs">Each completed request's latency, sorted.</param>
/// <param name="Errors">Requests that did not get a 200 (or were not sent before the time limit).</param>
public sealed record LoadResult(int Requests, double Seconds, double[] LatenciesMs, int Errors)
{
    public double Throughput => LatenciesMs.Length / Seconds;

    public double Percentile(double p) => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)Math.Ceiling(p * LatenciesMs.Length) - 1)];
}

/// <summary>
/// A bounded HTTP client: exactly <c>requests</c> POSTs from <c>connections</c> concurrent
/// keep-alive connections, then it stops; a time limit stops it too, whatever is left counted as
/// errors. It only ever sends to the loopback address it is given.
/// </summary>
public static class LoadClient
{
    public static async Task<LoadResult> RunAsync(Uri service, IReadOnlyList<byte[]> bodies, int requests, int connections, TimeSpan limit)
    {
        if (!IPAddress.IsLoopback(IPAddress.Parse(service.Host)))
        {
            throw new ArgumentException($"The load client sends only to loopback addresses; {service} is not one.", nameof(service));
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false };
        using var client = new HttpClient(handler) { BaseAddress = service, Timeout = limit };
        using var stop = new CancellationTokenSource(limit);
        var latencies = new double[requests];
        int next = -1, completed = 0;
        long start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests && !stop.IsCancellationRequested)
            {
                long sent = Stopwatch.GetTimestamp();
                if (await SendAsync(client, bodies[i % bodies.Count], stop.Token))
                {
                    latencies[Interlocked.Increment(ref completed) - 1] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                }
            }
        })));
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        double[] done = latencies[..completed];
        Array.Sort(done);
        return new LoadResult(requests, seconds, done, requests - completed);
    }

    private static async Task<bool> SendAsync(HttpClient client, byte[] body, CancellationToken stop)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using HttpResponseMessage response = await client.PostAsync("/predict", content, stop);
            await response.Content.LoadIntoBufferAsync(stop);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }
}
