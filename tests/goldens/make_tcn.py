"""Goldens for the TCN residual block and stack with keras-tcn semantics (issue 2), computed with PyTorch.

Run with Debian's /usr/bin/python3 from tests/goldens:  /usr/bin/python3 make_tcn.py
Block: branch = relu(conv2(relu(conv1(x)))) with causal (left) padding d*(k-1); skip = x or a 1x1 conv when
channels differ; out = relu(branch + skip). Stack: blocks with dilations 1, 2, ...; with skip connections the output
is the sum of every block's branch; the last time step is returned unless return_sequences.
Computed in float64 from float32 values; weights under the names Valence gives them.
"""
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

from golden_io import save

HERE = os.path.dirname(os.path.abspath(__file__))


class Block(nn.Module):
    def __init__(self, cin, filters, k, d):
        super().__init__()
        self.k, self.d = k, d
        self.conv1 = nn.Conv1d(cin, filters, k, dilation=d)
        self.conv2 = nn.Conv1d(filters, filters, k, dilation=d)
        self.downsample = nn.Conv1d(cin, filters, 1) if cin != filters else None

    def causal(self, conv, x):
        return conv(F.pad(x, (self.d * (self.k - 1), 0)))

    def forward(self, x):
        branch = torch.relu(self.causal(self.conv2, torch.relu(self.causal(self.conv1, x))))
        skip = x if self.downsample is None else self.downsample(x)
        return torch.relu(branch + skip), branch


class Stack(nn.Module):
    def __init__(self, cin, filters, k, dilations, skip_connections, return_sequences):
        super().__init__()
        self.blocks = nn.ModuleList(Block(cin if i == 0 else filters, filters, k, d) for i, d in enumerate(dilations))
        self.skip_connections, self.return_sequences = skip_connections, return_sequences

    def forward(self, x):
        branches = []
        for block in self.blocks:
            x, branch = block(x)
            branches.append(branch)
        y = sum(branches) if self.skip_connections else x
        return y if self.return_sequences else y[:, :, -1]


def write(file_name, module, x, prefix, metadata):
    module = module.double()
    x = x.double().requires_grad_(True)
    out = module(x)
    out = out[0] if isinstance(out, tuple) else out
    probe = torch.linspace(-1, 1, out.numel(), dtype=torch.float64).reshape(out.shape)
    (out * probe).sum().backward()
    tensors = {"input": x.detach().float().numpy(), "output": out.detach().float().numpy(),
               "probe": probe.float().numpy(), "grad.input": x.grad.float().numpy()}
    for name, p in module.named_parameters():
        key = prefix + name.replace("blocks.", "block")
        tensors[key] = p.detach().float().numpy()
        tensors["grad." + key] = p.grad.float().numpy()
    save(os.path.join(HERE, file_name), tensors, metadata)


def main():
    torch.manual_seed(7)
    block = Block(3, 5, 3, 2)
    write("tcn_block.safetensors", block, torch.randn(2, 3, 13), "", {"input_channels": 3, "filters": 5, "kernel": 3, "dilation": 2})
    torch.manual_seed(8)
    stack = Stack(4, 6, 2, [1, 2, 4], True, False)
    write("tcn_stack_skip.safetensors", stack, torch.randn(2, 4, 11), "",
          {"input_channels": 4, "filters": 6, "kernel": 2, "dilations": "1,2,4", "skip": "true", "return_sequences": "false"})
    torch.manual_seed(9)
    stack = Stack(6, 6, 3, [1, 2], False, True)
    write("tcn_stack_plain.safetensors", stack, torch.randn(3, 6, 9), "",
          {"input_channels": 6, "filters": 6, "kernel": 3, "dilations": "1,2", "skip": "false", "return_sequences": "true"})


if __name__ == "__main__":
    main()
