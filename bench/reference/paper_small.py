"""PyTorch reference for the "paper-small" benchmark (issue 2), run with Debian's /usr/bin/python3.

Model: input [batch, 14, 256]; Conv1d(14->64, k=3) -> ReLU -> MaxPool1d(2) -> LSTM(64->64, batch_first), last step
-> Linear(64->64) -> ReLU -> Linear(64->4); cross-entropy; Adam(lr 1e-3).

Usage: paper_small.py --threads N [--export DIR] [--repeats R]
Prints one JSON line: median milliseconds for a training step (batch 64), inference (batch 64) and inference of one
window, for the given thread count. With --export, also writes DIR/paper_small.onnx (torch.onnx, opset 14).
"""
import argparse
import json
import os
import statistics
import time

import torch
import torch.nn as nn


class PaperSmall(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(14, 64, 3)
        self.pool = nn.MaxPool1d(2)
        self.lstm = nn.LSTM(64, 64, batch_first=True)
        self.fc1 = nn.Linear(64, 64)
        self.fc2 = nn.Linear(64, 4)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv(x)))
        out, _ = self.lstm(x.transpose(1, 2))
        return self.fc2(torch.relu(self.fc1(out[:, -1, :])))


def median_ms(fn, repeats, warmup=3):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--export")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = PaperSmall()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.randn(64, 14, 256)
    y = torch.randint(0, 4, (64,))
    one = torch.randn(1, 14, 256)

    def train_step():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()

    train = median_ms(train_step, args.repeats)
    model.eval()
    with torch.no_grad():
        infer = median_ms(lambda: model(x), args.repeats)
        single = median_ms(lambda: model(one), args.repeats * 5)
    result = {"runtime": "pytorch", "version": torch.__version__, "threads": args.threads,
              "train_step_ms": train, "inference_batch64_ms": infer, "inference_single_ms": single}
    if args.export:
        os.makedirs(args.export, exist_ok=True)
        path = os.path.join(args.export, "paper_small.onnx")
        torch.onnx.export(model, x, path, opset_version=14, input_names=["input"], output_names=["logits"],
                          dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})
        result["onnx"] = path
    print(json.dumps(result))


if __name__ == "__main__":
    main()
