// StaticKeras benchmarks, run by hand (never by `dotnet test`):
//   dotnet run -c Release --project tests/StaticKeras.Benchmarks -- console [threads...]
//       plain lines, one per figure, in the format of ../shared/peers/torchsharp
//   dotnet run -c Release --project tests/StaticKeras.Benchmarks -- pair LOG...
//       pairs the figures of console-mode and peer-harness logs into the README's table
//   dotnet run -c Release --project tests/StaticKeras.Benchmarks -- loadtest [requests=20000] [connections=32] [batch=1] [rounds=3] [url=http://127.0.0.1:PORT]
//       samples/Serving under a bounded load on 127.0.0.1, beside the same service over ONNX Runtime
//   dotnet run -c Release --project tests/StaticKeras.Benchmarks -- --filter '*'
//       BenchmarkDotNet over whatever --filter selects (`--list flat` lists them)
// Keep this file a thin switch: each mode lives in its own folder.
using BenchmarkDotNet.Running;
using StaticKeras.Benchmarks.Figures;
using StaticKeras.Benchmarks.LoadTest;

if (args.Length > 0 && args[0] == "console")
{
    return ConsoleMode.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "loadtest")
{
    return await LoadTestMode.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "pair")
{
    return PairMode.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
