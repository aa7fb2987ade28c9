"""Goldens for Conv1D, MaxPool1D, AvgPool1D and Dense: PyTorch's outputs and gradients for fixed inputs and weights.

Run with Debian's PyTorch: /usr/bin/python3 tests/goldens/make_conv_pool.py

Each case writes tests/goldens/conv_pool_<case>.safetensors holding
  input, the module's state_dict (weight, bias), probe,
  output, input.grad, weight.grad, bias.grad  for the loss (output * probe).sum(),
with the settings in the metadata. Weights come from PyTorch's default initialisation (float32); the forward and
backward passes run in float64 on those float32 values and are cast back, so the goldens carry no float32 rounding.
'same' and 'causal' padding are applied with an explicit F.pad computed here from their definitions (Keras/TensorFlow
for stride > 1); for stride 1, 'same' is also checked against PyTorch's own padding='same'.
"""
import copy
import math
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import golden_io  # noqa: E402

CONV_CASES = [
    # name, batch, in, out, time, kernel, stride, dilation, groups, padding, explicit padding, bias
    ("conv1d_valid", 2, 4, 6, 17, 3, 1, 1, 1, "valid", 0, True),
    ("conv1d_explicit2_stride2", 2, 3, 5, 19, 4, 2, 1, 1, "explicit", 2, True),
    ("conv1d_same_k4", 2, 3, 4, 17, 4, 1, 1, 1, "same", 0, True),
    ("conv1d_same_k3_dilation2", 1, 3, 4, 19, 3, 1, 2, 1, "same", 0, True),
    ("conv1d_same_stride3", 2, 3, 4, 16, 4, 3, 1, 1, "same", 0, True),
    ("conv1d_causal_dilation4", 2, 5, 3, 19, 3, 1, 4, 1, "causal", 0, True),
    ("conv1d_causal_stride2_dilation2", 2, 4, 4, 17, 3, 2, 2, 1, "causal", 0, True),
    ("conv1d_groups2_nobias", 2, 4, 6, 17, 3, 1, 1, 2, "explicit", 1, False),
    ("conv1d_depthwise_stride2", 2, 3, 6, 18, 5, 2, 1, 3, "valid", 0, True),
    ("conv1d_kernel1", 3, 5, 2, 7, 1, 1, 1, 1, "valid", 0, True),
]

POOL_CASES = [
    # name, module class, batch, channels, time, kernel, stride (None = kernel), ties
    ("maxpool1d_k3_s2_ties", nn.MaxPool1d, 2, 3, 17, 3, 2, True),
    ("maxpool1d_k2", nn.MaxPool1d, 2, 3, 19, 2, None, False),
    ("avgpool1d_k3_s2", nn.AvgPool1d, 2, 3, 17, 3, 2, False),
    ("avgpool1d_k4", nn.AvgPool1d, 2, 3, 19, 4, None, False),
]

DENSE_CASES = [
    # name, batch, in, out, bias
    ("dense", 3, 7, 5, True),
    ("dense_nobias", 4, 6, 3, False),
]


def conv_padding(padding, explicit, time, kernel, stride, dilation):
    """(left, right) zeros for a padding mode, from the definitions Valence implements."""
    span = (kernel - 1) * dilation + 1
    if padding == "same":
        out = math.ceil(time / stride)
        total = max((out - 1) * stride + span - time, 0)
        return total // 2, total - total // 2
    if padding == "causal":
        return span - 1, 0
    return explicit, explicit


def run(module, x, pad=(0, 0)):
    """Forward and backward in float64; returns output, probe and gradients as float32 arrays."""
    module64 = copy.deepcopy(module).double()
    x64 = x.double().requires_grad_(True)
    out = module64(F.pad(x64, pad))
    probe = (torch.rand(out.shape) * 2 - 1).double()
    (out * probe).sum().backward()
    result = {
        "probe": probe.float().numpy(),
        "output": out.detach().float().numpy(),
        "input.grad": x64.grad.float().numpy(),
    }
    for name, p in module64.named_parameters():
        result[f"{name}.grad"] = p.grad.float().numpy()
    return out, result


def write(name, x, module, result, metadata):
    tensors = {"input": x.numpy()}
    tensors.update(golden_io.torch_state("", module))
    tensors.update(result)
    golden_io.save(os.path.join(HERE, f"conv_pool_{name}.safetensors"), tensors, metadata)


def conv_case(name, batch, cin, cout, time, kernel, stride, dilation, groups, padding, explicit, bias):
    module = nn.Conv1d(cin, cout, kernel, stride=stride, dilation=dilation, groups=groups, bias=bias)
    x = torch.randn(batch, cin, time)
    pad = conv_padding(padding, explicit, time, kernel, stride, dilation)
    out, result = run(module, x, pad)
    if padding == "same" and stride == 1:
        torch_same = nn.Conv1d(cin, cout, kernel, stride=1, dilation=dilation, groups=groups, bias=bias,
                               padding="same")
        torch_same.load_state_dict(module.state_dict())
        assert torch.allclose(torch_same.double()(x.double()), out.detach()), \
            f"{name}: explicit padding {pad} differs from PyTorch's padding='same'"
    metadata = {"layer": "Conv1D", "in_channels": cin, "out_channels": cout, "kernel_size": kernel, "stride": stride,
                "dilation": dilation, "groups": groups, "padding": padding, "explicit_padding": explicit,
                "bias": str(bias).lower(), "pad_left": pad[0], "pad_right": pad[1]}
    write(name, x, module, result, metadata)


def pool_case(name, cls, batch, channels, time, kernel, stride, ties):
    module = cls(kernel, stride=stride)
    x = torch.randn(batch, channels, time)
    if ties:
        # Coarse values make equal maxima inside windows, so the golden pins down which one gets the gradient.
        x = torch.round(x * 2) / 2
        windows = x.unfold(2, kernel, stride or kernel)
        tied = (windows == windows.max(dim=-1, keepdim=True).values).sum(dim=-1) > 1
        assert tied.any(), f"{name}: no window has equal maxima"
    _, result = run(module, x)
    layer = "MaxPool1D" if cls is nn.MaxPool1d else "AvgPool1D"
    metadata = {"layer": layer, "kernel_size": kernel, "stride": "" if stride is None else stride}
    write(name, x, module, result, metadata)


def dense_case(name, batch, fin, fout, bias):
    module = nn.Linear(fin, fout, bias=bias)
    x = torch.randn(batch, fin)
    _, result = run(module, x)
    metadata = {"layer": "Dense", "in_features": fin, "out_features": fout, "bias": str(bias).lower()}
    write(name, x, module, result, metadata)


def main():
    torch.manual_seed(20240617)
    for case in CONV_CASES:
        conv_case(*case)
    for case in POOL_CASES:
        pool_case(*case)
    for case in DENSE_CASES:
        dense_case(*case)


if __name__ == "__main__":
    main()
