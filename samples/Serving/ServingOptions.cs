namespace Serving;

/// <summary>Where the service listens and what it accepts.</summary>
public sealed record ServingOptions
{
    /// <summary>The TCP port on 127.0.0.1; 0 takes any free one (tests, the load test).</summary>
    public int Port { get; init; } = 5000;

    /// <summary>The largest request body accepted, in bytes (4 MiB: about 400 images as JSON).</summary>
    public long MaxBodyBytes { get; init; } = 4 << 20;

    /// <summary>The most samples one request may hold.</summary>
    public int MaxBatch { get; init; } = 1024;
}
