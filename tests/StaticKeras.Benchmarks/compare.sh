#!/usr/bin/env bash
# Side-by-side figures: StaticKeras's console mode and the TorchSharp peer harness
# (../shared/peers/torchsharp), run one after the other RUNS times on THREADS thread counts,
# then paired (median over runs of each tool's median) into the README's table.
# Usage: tests/StaticKeras.Benchmarks/compare.sh        (RUNS=3 THREADS="1 2" by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
THREADS=${THREADS:-"1 2"}
PEER=${PEER:-../shared/peers/torchsharp}
OUT=${OUT:-BenchmarkDotNet.Artifacts/compare}
BENCH=tests/StaticKeras.Benchmarks/bin/Release/net10.0/StaticKeras.Benchmarks.dll
mkdir -p "$OUT"
dotnet build -c Release tests/StaticKeras.Benchmarks -v q -nologo
for r in $(seq 1 "$RUNS"); do
  echo "### run $r/$RUNS: StaticKeras and ONNX Runtime"
  dotnet "$BENCH" console $THREADS | tee "$OUT/statickeras_$r.log"
  if [ -x "$PEER/run.sh" ]; then
    echo "### run $r/$RUNS: TorchSharp"
    THREADS="$THREADS" ONLY=mlp,tiny,cnn "$PEER/run.sh" > "$OUT/torchsharp_raw_$r.log" 2>&1
    # The harness times each figure with glibc's default malloc and with a tuned one; the tuned
    # one is its fair figure (see ../shared/peers/README.md).
    awk '/^### /{tuned = /malloc=tuned/} tuned && /^\[torchsharp\]/' "$OUT/torchsharp_raw_$r.log" | tee "$OUT/torchsharp_$r.log"
  fi
done
dotnet "$BENCH" pair "$OUT"/statickeras_*.log $(ls "$OUT"/torchsharp_[0-9]*.log 2>/dev/null)
