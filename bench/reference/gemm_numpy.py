#!/usr/bin/python3
"""OpenBLAS (through numpy, float32) on the shapes of bench/Valence.Bench/BenchmarkShapes.cs, for bench/gemm.sh.

Prints tab-separated lines "shape, threads, GFLOP/s": the median of 7 samples of >= 20 ms each after a warm-up,
as the C# side does. Run without --threads it measures 1 and 2 threads, each in a child process whose
OPENBLAS_NUM_THREADS / OMP_NUM_THREADS are set before OpenBLAS loads (threadpoolctl is used instead when it is
installed). The OpenBLAS core type it runs is printed to stderr.
"""
import argparse
import ctypes
import os
import subprocess
import sys
import time

# name, transpose A, transpose B, m, n, k (keep equal to GemmShape.All)
SHAPES = [
    ("square 64", False, False, 64, 64, 64),
    ("square 128", False, False, 128, 128, 128),
    ("square 256", False, False, 256, 256, 256),
    ("square 512", False, False, 512, 512, 512),
    ("square 1024", False, False, 1024, 1024, 1024),
    ("lstm step [64x64]x[64x256]^T", False, True, 64, 256, 64),
    ("lstm dW [4096x256]^T x [4096x64]", True, False, 256, 64, 4096),
    ("dense [64x64]x[64x4]^T", False, True, 64, 4, 64),
    ("conv im2col [64x42]x[42x254]", False, False, 64, 254, 42),
]
THREAD_COUNTS = [1, 2]
SAMPLES = 7
SAMPLE_SECONDS = 0.02


def openblas_core():
    """The core type and thread count the loaded OpenBLAS reports (numpy must be imported first)."""
    for name in ("libopenblas.so.0", "libblas.so.3"):
        try:
            lib = ctypes.CDLL(name)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            return f"{lib.openblas_get_corename().decode()}, {lib.openblas_get_num_threads()} threads"
        except (OSError, AttributeError):
            continue
    return "unknown (not OpenBLAS?)"


def measure(np, transpose_a, transpose_b, m, n, k):
    rng = np.random.default_rng(1)
    # Stored as the C# side stores them; .T gives numpy the transposed view, which it hands to sgemm as a flag.
    a = rng.uniform(-1, 1, (k, m) if transpose_a else (m, k)).astype(np.float32)
    b = rng.uniform(-1, 1, (n, k) if transpose_b else (k, n)).astype(np.float32)
    a_op = a.T if transpose_a else a
    b_op = b.T if transpose_b else b
    c = np.empty((m, n), dtype=np.float32)

    calls, start = 1, time.perf_counter()
    while time.perf_counter() - start < 10 * SAMPLE_SECONDS:
        for _ in range(calls):
            np.matmul(a_op, b_op, out=c)
        calls *= 2
    per_call = (time.perf_counter() - start) / (2 * calls - 1)
    calls_per_sample = max(1, int(SAMPLE_SECONDS / per_call))

    rates = []
    for _ in range(SAMPLES):
        t0 = time.perf_counter()
        for _ in range(calls_per_sample):
            np.matmul(a_op, b_op, out=c)
        rates.append(2.0 * m * n * k * calls_per_sample / (time.perf_counter() - t0) / 1e9)
    return sorted(rates)[SAMPLES // 2]


def run_in_process(threads):
    import numpy as np
    limit = None
    try:
        from threadpoolctl import threadpool_limits
        limit = threadpool_limits(limits=threads, user_api="blas")
    except ImportError:
        pass  # the parent set OPENBLAS_NUM_THREADS / OMP_NUM_THREADS
    print(f"numpy {np.__version__}, OpenBLAS {openblas_core()}", file=sys.stderr)
    for name, transpose_a, transpose_b, m, n, k in SHAPES:
        print(f"{name}\t{threads}\t{measure(np, transpose_a, transpose_b, m, n, k):.2f}", flush=True)
    if limit is not None:
        limit.restore_original_limits()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, help="measure in this process with this many threads")
    args = parser.parse_args()
    if args.threads is not None:
        run_in_process(args.threads)
        return
    for threads in THREAD_COUNTS:
        env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
        subprocess.run([sys.executable, __file__, "--threads", str(threads)], env=env, check=True)


if __name__ == "__main__":
    main()
