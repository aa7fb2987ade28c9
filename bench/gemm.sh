#!/usr/bin/env bash
# GEMM throughput of Valence.Nn beside OpenBLAS (numpy, float32) on the same shapes, one and two threads:
# prints one table (shape, threads, Valence GFLOP/s, OpenBLAS GFLOP/s, ratio Valence/OpenBLAS).
# Usage: bash bench/gemm.sh     (takes about a minute; run it on an otherwise idle machine)
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build bench/Valence.Bench -c Release -v quiet -nologo >/dev/null
dotnet bench/Valence.Bench/bin/Release/net10.0/Valence.Bench.dll gemm --tsv >"$work/valence.tsv"

# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be set on these machines for the sake of older OpenBLAS builds; they
# pin a slower kernel, so they are unset for this one command (the script reports the core type it then runs).
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 bench/reference/gemm_numpy.py \
  >"$work/openblas.tsv" 2>"$work/openblas.log"

echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; .NET $(dotnet --version); $(sort -u "$work/openblas.log" | paste -sd ';')"
awk -F'\t' '
  NR == FNR { openblas[$1 "\t" $2] = $3; next }
  FNR == 1 { printf "| %-34s | %7s | %15s | %16s | %5s |\n", "shape", "threads", "Valence GFLOP/s", "OpenBLAS GFLOP/s", "ratio"
             printf "|%s|%s|%s|%s|%s|\n", "------------------------------------", "--------:", "----------------:", "-----------------:", "------:" }
  { key = $1 "\t" $2; ob = openblas[key]
    printf "| %-34s | %7d | %15.1f | %16.1f | %5.2f |\n", $1, $2, $3, ob, (ob > 0 ? $3 / ob : 0) }
' "$work/openblas.tsv" "$work/valence.tsv"
