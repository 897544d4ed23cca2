using System.Globalization;
using AotInference;

namespace Serving;

/// <summary>
/// A StaticKeras model behind an HTTP API, on 127.0.0.1 (README, "Serve predictions"):
/// <c>Serving train WEIGHTS</c> trains the digit model on the bundled MNIST subset and saves its
/// weights; <c>Serving serve WEIGHTS [--port PORT]</c> loads them and serves <c>POST /predict</c>,
/// <c>GET /healthz</c> and <c>GET /model</c> (port 5000 by default).
/// </summary>
/// <remarks>
/// A class with <c>Main</c> rather than top-level statements: ASP.NET Core 10 makes a top-level
/// <c>Program</c> public, which would clash with the benchmark project's own when it hosts this service.
/// </remarks>
internal static class Program
{
    private static int Main(string[] args) => args switch
    {
        ["train", string weights] => TrainCommand.Run(weights),
        ["serve", string weights] => Serve(weights, 5000),
        ["serve", string weights, "--port", string port] when int.TryParse(port, CultureInfo.InvariantCulture, out int p) && p is > 0 and < 65536 => Serve(weights, p),
        _ => Usage(),
    };

    private static int Serve(string weightsPath, int port)
    {
        var model = new Digits(seed: 0);
        try
        {
            model.LoadWeights(weightsPath); // validated before it touches the model
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cannot load the weights in '{weightsPath}': {e.Message} Run 'Serving train {weightsPath}' to make them.");
            return 1;
        }

        WebApplication app = ServingApp.Create(new ModelPredictor(model), new ServingOptions { Port = port });
        app.Start();
        Console.WriteLine($"Serving model '{model.Name}' on {ServingApp.Address(app)}: POST /predict, GET /healthz, GET /model (Ctrl+C stops)");
        app.WaitForShutdown();
        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Serving train <weights-file> | serve <weights-file> [--port PORT]");
        return 2;
    }
}
