using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StaticKeras.PackageTests;

/// <summary>
/// samples/Serving publishes with Native AOT and no trimming or AOT warning, trains, and serves
/// good and bad requests as a native executable on 127.0.0.1.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class ServingPublishTests(PackageFeed feed)
{
    [Fact]
    public async Task The_serving_sample_publishes_with_native_AOT_and_serves_predictions()
    {
        string output = Path.Combine(feed.Root, "serving");
        CommandResult publish = Dotnet.Run(Repository.Root, ["publish", Repository.File("samples/Serving"), "-o", output, .. feed.RepositoryBuildArguments]).EnsureSuccess();
        Assert.DoesNotMatch(@"warning (IL|CS|ASP)\d{4}", publish.Output);

        string executable = Path.Combine(output, "Serving");
        string weights = Path.Combine(feed.Root, "serving.weights.h5");
        Assert.Matches(@"test accuracy 0\.9\d{3}", Dotnet.Start(executable, output, "train", weights).EnsureSuccess().Output);

        int port = FreePort();
        using Process server = Process.Start(new ProcessStartInfo(executable, ["serve", weights, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilHealthyAsync(client, server);
            Assert.Contains("Total params: 101,770", await client.GetStringAsync("/model"));

            string image = "{\"inputs\": [[" + string.Join(',', Enumerable.Repeat("0", 784)) + "]]}";
            using HttpResponseMessage good = await client.PostAsync("/predict", new StringContent(image, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, good.StatusCode);
            Assert.StartsWith("{\"outputs\":[[", await good.Content.ReadAsStringAsync());

            using HttpResponseMessage bad = await client.PostAsync("/predict", new StringContent("{\"inputs\": [[1, 2]]}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("inputs[0] has 2 values, but model 'Digits' takes 784 values per sample", await bad.Content.ReadAsStringAsync());
            Assert.False(server.HasExited);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit(10_000); // the process, not its redirected output, which nothing reads
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client, Process server)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (server.HasExited)
            {
                Assert.Fail($"the service exited with {server.ExitCode}: {await server.StandardError.ReadToEndAsync()}");
            }

            try
            {
                if (await client.GetStringAsync("/healthz") == "ok\n")
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100); // not listening yet
            }
        }

        Assert.Fail("the service did not answer /healthz within 30 s");
    }
}
