using System.Globalization;

namespace StaticKeras.Benchmarks.LoadTest;

/// <summary>The load test's knobs, from <c>name=value</c> arguments.</summary>
public sealed record LoadSettings(int Requests, int Connections, int Batch, int Rounds, int WarmUp, Uri? Url)
{
    /// <summary>The run: 20,000 requests from 32 connections, one image each, three rounds.</summary>
    public static LoadSettings Parse(string[] args)
    {
        var values = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        int Int(string name, int fallback) => values.TryGetValue(name, out string? v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new LoadSettings(
            Int("requests", 20_000),
            Int("connections", 32),
            Int("batch", 1),
            Int("rounds", 3),
            Int("warmup", 4_000),
            values.TryGetValue("url", out string? url) ? new Uri(url) : null);
    }

    /// <summary>How long one run may take before the client stops it.</summary>
    public TimeSpan Limit => TimeSpan.FromMinutes(3);
}
