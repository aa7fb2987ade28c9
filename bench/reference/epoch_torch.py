"""PyTorch reference for issue 5's epoch-time benchmark, run with Debian's /usr/bin/python3 (torch 1.13).

The paper's models with Valence's default sizes (src/Valence.Emotion/Models/CnnRecurrentSettings.cs):
input [batch, 14, 256] -> Conv1d(14->64, k=5) -> ReLU -> MaxPool1d(2) -> LSTM or GRU(64->64, batch_first, all 126
steps) -> Flatten (8064) -> Linear(8064->64) -> ReLU -> Dropout(0.5) -> Linear(64->4); cross-entropy; Adam(lr 1e-3);
batches of 64 in a shuffled order.

The data is random windows of the real shape: a pool of 4096 windows (57 MB) that each shuffled index maps into,
copied into a fresh batch tensor per step as a DataLoader would, instead of the 1.08 GB a full set of 75,520 windows
would take. With --batches N only the first N batches of the shuffled epoch are timed and the epoch's time is
extrapolated from them (an epoch's batches all cost the same; the last, smaller one is counted as a full one).

Usage: epoch_torch.py --model cnn-lstm|cnn-gru --threads N [--windows 75520] [--batches N]
Prints one JSON line per run.
"""
import argparse
import json
import math
import time

import torch
import torch.nn as nn

CHANNELS, SAMPLES, CLASSES, BATCH, POOL = 14, 256, 4, 64, 4096


class CnnRecurrent(nn.Module):
    def __init__(self, cell):
        super().__init__()
        self.conv = nn.Conv1d(CHANNELS, 64, 5)
        self.pool = nn.MaxPool1d(2)
        self.rnn = (nn.LSTM if cell == "lstm" else nn.GRU)(64, 64, batch_first=True)
        steps = (SAMPLES - 5 + 1) // 2
        self.fc1 = nn.Linear(steps * 64, 64)
        self.dropout = nn.Dropout(0.5)
        self.fc2 = nn.Linear(64, CLASSES)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv(x)))
        out, _ = self.rnn(x.transpose(1, 2))
        return self.fc2(self.dropout(torch.relu(self.fc1(out.flatten(1)))))


def run(model_name, threads, windows, batches):
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = CnnRecurrent(model_name.split("-")[1])
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    pool = torch.rand(POOL, CHANNELS, SAMPLES) * 2 - 1
    labels = torch.randint(0, CLASSES, (windows,))
    model.train()

    def step(indices):
        x = pool[indices % POOL]
        y = labels[indices]
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()

    order = torch.randperm(windows)
    for b in range(3):  # warm-up
        step(order[b * BATCH:(b + 1) * BATCH])
    epoch_batches = math.ceil(windows / BATCH)
    timed = epoch_batches if batches is None else min(batches, epoch_batches)
    order = torch.randperm(windows)
    start = time.perf_counter()
    for b in range(timed):
        step(order[b * BATCH:(b + 1) * BATCH])
    seconds = time.perf_counter() - start
    timed_windows = min(timed * BATCH, windows)
    epoch_seconds = seconds * epoch_batches / timed
    return {
        "runtime": "pytorch", "version": torch.__version__, "model": model_name, "threads": threads,
        "windows": windows, "timed_batches": timed, "epoch_batches": epoch_batches,
        "extrapolated": timed < epoch_batches, "timed_seconds": seconds,
        "epoch_seconds": epoch_seconds, "windows_per_second": timed_windows / seconds,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=["cnn-lstm", "cnn-gru"], required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--windows", type=int, default=75520)
    parser.add_argument("--batches", type=int)
    args = parser.parse_args()
    print(json.dumps(run(args.model, args.threads, args.windows, args.batches)), flush=True)


if __name__ == "__main__":
    main()
