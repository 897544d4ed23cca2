// A StaticKeras model behind an HTTP API, on 127.0.0.1 (README, "Serve predictions"):
//   Serving train <weights>                 trains the digit model on the bundled MNIST subset, saves its weights
//   Serving serve <weights> [--port PORT]   loads them and serves POST /predict, GET /healthz, GET /model (port 5000 by default)
using System.Globalization;
using AotInference;
using Serving;

return args switch
{
    ["train", string weights] => TrainCommand.Run(weights),
    ["serve", string weights] => Serve(weights, 5000),
    ["serve", string weights, "--port", string port] when int.TryParse(port, CultureInfo.InvariantCulture, out int p) && p is > 0 and < 65536 => Serve(weights, p),
    _ => Usage(),
};

static int Serve(string weightsPath, int port)
{
    var model = new Digits(seed: 0);
    model.SetWeights(WeightsFile.Load(weightsPath));
    WebApplication app = ServingApp.Create(new ModelPredictor(model), new ServingOptions { Port = port });
    app.Start();
    Console.WriteLine($"Serving model '{model.Name}' on {ServingApp.Address(app)}: POST /predict, GET /healthz, GET /model (Ctrl+C stops)");
    app.WaitForShutdown();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Serving train <weights-file> | serve <weights-file> [--port PORT]");
    return 2;
}
