#!/usr/bin/env bash
# Issue 5: one training epoch of cnn-lstm and cnn-gru (default sizes, Adam lr 1e-3, batch 64) over the 75,520
# windows of 32 generated subjects, PyTorch 1.13 (1 and 2 threads) then Valence (1 and 2 threads), in one run.
# Usage: bash bench/epoch.sh [--batches N]   (with --batches, N batches are timed on both sides and extrapolated)
set -euo pipefail
cd "$(dirname "$0")/.."
extra=("$@")
dotnet build bench/Valence.Bench -c Release -v quiet -nologo >/dev/null
lines=$(mktemp)
trap 'rm -f "$lines"' EXIT
for model in cnn-lstm cnn-gru; do
  for threads in 1 2; do
    /usr/bin/python3 bench/reference/epoch_torch.py --model "$model" --threads "$threads" "${extra[@]}" | tee -a "$lines"
  done
done
dotnet bench/Valence.Bench/bin/Release/net10.0/Valence.Bench.dll epoch --subjects 32 "${extra[@]}" | tee -a "$lines"
/usr/bin/python3 - "$lines" <<'EOF'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.startswith("{")]
best = {m: min(r["epoch_seconds"] for r in rows if r["model"] == m and r["runtime"] == "pytorch") for m in {r["model"] for r in rows}}
print()
print("| runtime | model | threads | seconds per epoch | windows/s | vs PyTorch's best |")
print("|---|---|---:|---:|---:|---:|")
for r in rows:
    name = "PyTorch " + r["version"] if r["runtime"] == "pytorch" else "Valence (" + r["kernel"] + ")"
    mark = " (extrapolated)" if r["extrapolated"] else ""
    print(f"| {name} | {r['model']} | {r['threads']} | {r['epoch_seconds']:.1f}{mark} | {r['windows_per_second']:.0f} | {r['epoch_seconds'] / best[r['model']]:.2f} |")
EOF
