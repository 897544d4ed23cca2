// StaticKeras benchmarks. `dotnet run -c Release --project tests/StaticKeras.Benchmarks -- --help`
// lists the modes; BenchmarkDotNet runs whatever --filter selects.
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
