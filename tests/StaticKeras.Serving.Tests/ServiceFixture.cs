using Microsoft.AspNetCore.Builder;
using Serving;

namespace StaticKeras.Serving.Tests;

/// <summary>One service for the whole class: the digit model with seeded weights, on a free loopback port.</summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    /// <summary>The largest body the test service takes (30 images of random pixels are over it, 3 are under).</summary>
    public const long BodyLimit = 200_000;

    private WebApplication? app;

    /// <summary>The same weights as the served model, for reference predictions (used by one thread).</summary>
    public Digits Reference { get; } = new(seed: 7);

    /// <summary>A client whose base address is the service.</summary>
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var served = new Digits(seed: 0);
        served.SetWeights(Reference.GetWeights());
        app = ServingApp.Create(new ModelPredictor(served), new ServingOptions { Port = 0, MaxBodyBytes = BodyLimit, MaxBatch = 64 });
        await app.StartAsync();
        Uri address = ServingApp.Address(app);
        Assert.Equal("127.0.0.1", address.Host); // loopback only
        Client = new HttpClient { BaseAddress = address };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
