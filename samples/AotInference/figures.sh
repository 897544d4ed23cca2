#!/usr/bin/env bash
# The README's Native AOT figures, reproduced: binary size, process start to first prediction,
# and steady-state prediction latency under the JIT and under Native AOT at each x64 level.
#   bash samples/AotInference/figures.sh            # from the repository root; about 3 minutes
# Timings vary with the machine and its load: run it on a quiet machine, and compare only
# figures from one run.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

publish() { # $1 = instruction set; prints the folder with the executable
  dotnet publish samples/AotInference -c Release --artifacts-path "$out/artifacts-$1" -o "$out/aot-$1" \
    -p:IlcInstructionSet="$1" -nologo -v:q > "$out/publish-$1.log" 2>&1 || { cat "$out/publish-$1.log"; exit 1; }
  echo "$out/aot-$1"
}

first_prediction() { # $@ = the command; mean wall time of 20 runs that stop after the first prediction
  local start end
  "$@" predict "$out/digits.weights.h5" --first-only > /dev/null # warm the file cache
  start=$(date +%s%N)
  for _ in $(seq 20); do "$@" predict "$out/digits.weights.h5" --first-only > /dev/null; done
  end=$(date +%s%N)
  echo "$(( (end - start) / 20000000 )) ms"
}

v3=$(publish x86-64-v3)
echo "== size of the x86-64-v3 executable: $(stat -c %s "$v3/AotInference") bytes"
"$v3/AotInference" train "$out/digits.weights.h5"

# The JIT build of the same program: the IL that publish compiled, run by the shared runtime.
jit="dotnet $out/artifacts-x86-64-v3/bin/AotInference/release/AotInference.dll"
echo "== process start to first prediction (mean of 20 runs, process exit included)"
echo "native AOT: $(first_prediction "$v3/AotInference")"
echo "JIT:        $(first_prediction $jit)"

echo "== JIT"
$jit predict "$out/digits.weights.h5"
for isa in x86-64-v2 x86-64-v3 x86-64-v4; do
  folder=$([ "$isa" = x86-64-v3 ] && echo "$v3" || publish "$isa")
  echo "== native AOT, $isa ($(stat -c %s "$folder/AotInference") bytes)"
  "$folder/AotInference" predict "$out/digits.weights.h5" || echo "(this CPU cannot run $isa code)"
done
