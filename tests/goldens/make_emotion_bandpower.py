"""Goldens for Valence.Emotion's band-power features, computed independently with scipy.signal.welch.

Run with Debian's /usr/bin/python3 from tests/goldens:  /usr/bin/python3 make_emotion_bandpower.py
For each case: input x [batch, channels, samples] (float32, noise plus sines at known frequencies), and
features [batch, channels * bands], channel-major: ln(sum of the Welch PSD over the band's bins f with
low <= f < high, times the bin width, + 1e-12). Welch: Hann window, constant detrending, one-sided density, mean
over segments (scipy's defaults). Settings in metadata; the PSD is computed in float64 from the float32 input.
"""
import os

import numpy as np
from scipy.signal import welch

from golden_io import save

HERE = os.path.dirname(os.path.abspath(__file__))
BANDS = [("theta", 4.0, 8.0), ("alpha", 8.0, 13.0), ("beta", 13.0, 30.0), ("gamma", 30.0, 45.0)]


def features(x, fs, nperseg, noverlap):
    f, pxx = welch(x.astype(np.float64), fs=fs, window="hann", nperseg=nperseg, noverlap=noverlap, axis=-1)
    df = f[1] - f[0]
    out = []
    for _, low, high in BANDS:
        mask = (f >= low) & (f < high) & (f > 0)
        out.append(np.log(pxx[..., mask].sum(axis=-1) * df + 1e-12))
    return np.stack(out, axis=-1).reshape(x.shape[0], -1)


def signal(rng, batch, channels, samples, fs):
    t = np.arange(samples) / fs
    x = rng.standard_normal((batch, channels, samples))
    for b in range(batch):
        for c in range(channels):
            for freq in rng.uniform(4, 45, size=2):
                x[b, c] += rng.uniform(0.5, 3) * np.sin(2 * np.pi * freq * t + rng.uniform(0, 2 * np.pi))
            x[b, c] = x[b, c] * rng.uniform(0.2, 5) + rng.uniform(-3, 3)
    return x.astype(np.float32)


def case(name, seed, batch, channels, samples, fs, nperseg, noverlap):
    rng = np.random.default_rng(seed)
    x = signal(rng, batch, channels, samples, fs)
    y = features(x, fs, nperseg, noverlap).astype(np.float32)
    save(os.path.join(HERE, "emotion", f"bandpower_{name}.safetensors"), {"input": x, "features": y},
         {"sample_rate": fs, "segment_length": nperseg, "segment_step": nperseg - noverlap})


case("deap_2s", 1, batch=2, channels=3, samples=256, fs=128.0, nperseg=128, noverlap=64)
case("odd_rate", 2, batch=2, channels=2, samples=320, fs=160.0, nperseg=128, noverlap=38)
