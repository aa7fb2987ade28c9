#!/usr/bin/env bash
# Issue 3: generating 32 synthetic DEAP subjects, and reading them back from .dat files, Valence beside Python's
# pickle.load on the same files, in one run. Needs ~3.3 GB of disk for the 32 files (bench/out/deap-dat).
# Usage: bash bench/deap_read.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Valence.Bench -c Release -v quiet -nologo >/dev/null
bench=(dotnet bench/Valence.Bench/bin/Release/net10.0/Valence.Bench.dll)
folder=bench/out/deap-dat
"${bench[@]}" deap-generate --subjects 32
[ -f "$folder/s32.dat" ] || "${bench[@]}" deap-synth "$folder" --format PreprocessedPython --subjects 32
for round in 1 2; do
  "${bench[@]}" deap-read "$folder" --rounds 2
  /usr/bin/python3 bench/reference/pickle_read.py "$folder" --rounds 2
done
