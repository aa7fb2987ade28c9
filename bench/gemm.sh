#!/usr/bin/env bash
# GEMM throughput of Valence.Nn beside OpenBLAS (numpy, float32) on the same shapes, one and two threads:
# prints one table (shape, threads, Valence GFLOP/s, OpenBLAS GFLOP/s, ratio Valence/OpenBLAS).
# Each side runs ROUNDS times (default 2), alternating, and each row keeps its best round: every figure is already
# the median of 7 timed samples, and the best round filters out bursts of other work on a shared machine.
# Usage: bash bench/gemm.sh [avx2]     (about a minute; run it on an otherwise idle machine)
#   avx2: both sides limited to AVX2+FMA (DOTNET_EnableAVX512=0; OpenBLAS's Haswell kernels), to compare the
#   AVX2 micro-kernels on a machine that has AVX-512.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rounds=${ROUNDS:-2}
valence_env=(); openblas_env=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)
case "${1:-}" in
  "") ;;
  avx2) valence_env=(DOTNET_EnableAVX512=0); openblas_env=(env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=Haswell) ;;
  *) echo "usage: bash bench/gemm.sh [avx2]" >&2; exit 2 ;;
esac
dotnet build bench/Valence.Bench -c Release -v quiet -nologo >/dev/null
for round in $(seq "$rounds"); do
  env "${valence_env[@]}" dotnet bench/Valence.Bench/bin/Release/net10.0/Valence.Bench.dll gemm --tsv >>"$work/valence.tsv"
  # OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be set on these machines for the sake of older OpenBLAS builds; they
  # pin a slower kernel, so they are unset for this one command (the script reports the core type it then runs).
  "${openblas_env[@]}" /usr/bin/python3 bench/reference/gemm_numpy.py \
    >>"$work/openblas.tsv" 2>>"$work/openblas.log"
done

echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; .NET $(dotnet --version); $(sort -u "$work/openblas.log" | paste -sd ';')"
echo "Valence kernel: $(env "${valence_env[@]}" dotnet bench/Valence.Bench/bin/Release/net10.0/Valence.Bench.dll kernel); best of $rounds rounds"
awk -F'\t' '
  function best(table, key, value) { if (!(key in table) || value > table[key]) table[key] = value }
  NR == FNR { best(openblas, $1 "\t" $2, $3); next }
  { key = $1 "\t" $2; if (!(key in valence)) order[++rows] = key; best(valence, key, $3) }
  END {
    printf "| %-34s | %7s | %15s | %16s | %5s |\n", "shape", "threads", "Valence GFLOP/s", "OpenBLAS GFLOP/s", "ratio"
    printf "|%s|%s|%s|%s|%s|\n", "------------------------------------", "--------:", "----------------:", "-----------------:", "------:"
    for (i = 1; i <= rows; i++) {
      key = order[i]; split(key, part, "\t"); v = valence[key]; ob = openblas[key]
      printf "| %-34s | %7d | %15.1f | %16.1f | %5.2f |\n", part[1], part[2], v, ob, (ob > 0 ? v / ob : 0)
    }
  }
' "$work/openblas.tsv" "$work/valence.tsv"
