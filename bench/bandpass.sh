#!/usr/bin/env bash
# Issue 4: zero-phase band-pass (4th-order Butterworth 4–45 Hz at 128 Hz) over one DEAP subject (40 × 32 × 8064),
# Valence beside scipy.signal.sosfiltfilt on the same shape, alternating, three rounds.
# Usage: bash bench/bandpass.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Valence.Bench -c Release -v quiet -nologo >/dev/null
for round in 1 2 3; do
  dotnet bench/Valence.Bench/bin/Release/net10.0/Valence.Bench.dll bandpass --repeats 9
  dotnet bench/Valence.Bench/bin/Release/net10.0/Valence.Bench.dll bandpass --repeats 9 --threads 1
  /usr/bin/python3 bench/reference/sosfiltfilt_bench.py --repeats 9
done
