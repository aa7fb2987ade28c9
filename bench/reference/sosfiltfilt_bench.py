"""SciPy reference for the zero-phase filter benchmark (issue 4), run with Debian's /usr/bin/python3 (scipy 1.10).

One DEAP subject's EEG: 40 trials x 32 channels x 8064 samples at 128 Hz, filtered with a 4th-order Butterworth
band-pass 4-45 Hz (scipy.signal.butter(4, [4, 45], 'bandpass', fs=128, output='sos'), 4 sections) by
scipy.signal.sosfiltfilt along the last axis with its defaults, as float64 and as float32 input.

Usage: sosfiltfilt_bench.py [--repeats R]
Prints one JSON line: median and minimum seconds per call for each dtype.
"""
import argparse
import json
import statistics
import time

import numpy as np
import scipy
import scipy.signal as sig


def time_calls(sos, x, repeats):
    sig.sosfiltfilt(sos, x[:1, :1])  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        sig.sosfiltfilt(sos, x)
        times.append(time.perf_counter() - start)
    return {'median_s': statistics.median(times), 'min_s': min(times)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--repeats', type=int, default=5)
    args = parser.parse_args()
    sos = sig.butter(4, [4.0, 45.0], btype='bandpass', fs=128.0, output='sos')
    rng = np.random.default_rng(0)
    x64 = rng.standard_normal((40, 32, 8064)) * 20.0
    x32 = x64.astype(np.float32)
    result = {'scipy': scipy.__version__, 'shape': list(x64.shape), 'sections': len(sos), 'repeats': args.repeats,
              'float64': time_calls(sos, x64, args.repeats), 'float32': time_calls(sos, x32, args.repeats)}
    print(json.dumps(result))


if __name__ == '__main__':
    main()
