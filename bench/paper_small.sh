#!/usr/bin/env bash
# The "paper-small" comparison of issue 2, side by side in one run: PyTorch 1.13 (bench/reference/paper_small.py, Debian's
# /usr/bin/python3) at 1 and 2 threads, then Valence and ONNX Runtime (the model PyTorch exported) at 1 and 2 threads.
# The pair runs ROUNDS times (default 2), alternating, and each row keeps its best round (every figure is already a
# median); the machine may be shared, and the best round filters out bursts of other work.
# Prints one table (runtime, threads, ms per training step, per inference of 64 windows and of one window, bytes
# allocated per training step) and the ratios against the targets: a Valence training step at most half of PyTorch's
# best, Valence inference no slower than the faster of PyTorch and ONNX Runtime (each at its best thread count).
# Usage: bash bench/paper_small.sh     (a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rounds=${ROUNDS:-2}

dotnet build bench/Valence.Bench -c Release -v quiet -nologo >/dev/null
for round in $(seq "$rounds"); do
  for threads in 1 2; do
    export_args=()
    [ "$round" = 1 ] && [ "$threads" = 1 ] && export_args=(--export "$work")
    /usr/bin/python3 bench/reference/paper_small.py --threads "$threads" "${export_args[@]}" \
      >>"$work/results.jsonl" 2>>"$work/pytorch.log"
  done
  dotnet bench/Valence.Bench/bin/Release/net10.0/Valence.Bench.dll paper-small --onnx "$work/paper_small.onnx" \
    --repeats 30 >>"$work/results.jsonl"
done

echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; .NET $(dotnet --version); load average $(cut -d' ' -f1-3 /proc/loadavg); best of $rounds rounds"
/usr/bin/python3 - "$work/results.jsonl" <<'PY'
import json, sys

rows = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    key = (r["runtime"], r["threads"])
    best = rows.setdefault(key, {})
    for metric in ("train_step_ms", "inference_batch64_ms", "inference_single_ms", "allocated_bytes_per_step"):
        if metric in r:
            best[metric] = min(best.get(metric, float("inf")), r[metric])
    for extra in ("version", "kernel"):
        if extra in r:
            best[extra] = r[extra]

def cell(value, digits):
    return "—" if value is None else f"{value:.{digits}f}"

print(f"| {'runtime':<20} | threads | train step ms | inference b64 ms | single window ms | allocated B/step |")
print("|----------------------|--------:|--------------:|-----------------:|-----------------:|-----------------:|")
order = {"pytorch": 0, "onnxruntime": 1, "valence": 2}
for (runtime, threads), m in sorted(rows.items(), key=lambda kv: (order.get(kv[0][0], 9), kv[0][1])):
    label = runtime + (f" {m['version']}" if "version" in m else "") + (f" ({m['kernel']})" if "kernel" in m else "")
    alloc = m.get("allocated_bytes_per_step")
    print(f"| {label:<20} | {threads:>7} | {cell(m.get('train_step_ms'), 2):>13} | {cell(m.get('inference_batch64_ms'), 2):>16} | "
          f"{cell(m.get('inference_single_ms'), 3):>16} | {('—' if alloc is None else str(int(alloc))):>16} |")

def best(runtime, metric):
    values = [m[metric] for (r, _), m in rows.items() if r == runtime and metric in m]
    return min(values) if values else None

def verdict(ratio, limit):
    return "met" if ratio <= limit else "NOT met"

print()
train = best("valence", "train_step_ms") / best("pytorch", "train_step_ms")
print(f"training step: Valence best / PyTorch best = {train:.2f} (target ≤ 0.50: {verdict(train, 0.5)})")
for metric, name in (("inference_batch64_ms", "inference, batch 64"), ("inference_single_ms", "inference, one window")):
    others = [v for v in (best("pytorch", metric), best("onnxruntime", metric)) if v is not None]
    ratio = best("valence", metric) / min(others)
    print(f"{name}: Valence best / faster of PyTorch and ONNX Runtime = {ratio:.2f} (target ≤ 1.00: {verdict(ratio, 1.0)})")
PY
