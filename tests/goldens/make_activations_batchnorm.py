"""Goldens for the activations, Softmax, erf and BatchNorm1D.

Run with Debian's /usr/bin/python3 (python3-torch). Each reference is computed in float64 from float32 inputs and
stored as float32. Writes:
  activations_batchnorm_elementwise.safetensors  x, g, and for each activation <name>.y and <name>.dx (dL/dx for L = Σ y·g)
  activations_batchnorm_erf.safetensors          x, erf, erfc
  activations_batchnorm_bn_<case>.safetensors    BatchNorm1d: two training passes, backward of the second, then eval
"""
import os

import numpy as np
import torch

import golden_io

HERE = os.path.dirname(os.path.abspath(__file__))

# Values at and around 0 (where the derivatives switch) and of large magnitude (saturation, overflow, tails).
SPECIAL = [0.0, 1e-6, -1e-6, 1e-3, -1e-3, 0.1, -0.1, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 5.0, -5.0,
           8.0, -8.0, 10.0, -10.0, 20.0, -20.0, 50.0, -50.0, 100.0, -100.0]

LEAKY_SLOPE = 0.2
ELU_ALPHA = 1.5

ACTIVATIONS = {
    "relu": torch.nn.ReLU(),
    "leaky_relu": torch.nn.LeakyReLU(negative_slope=LEAKY_SLOPE),
    "elu": torch.nn.ELU(alpha=ELU_ALPHA),
    "gelu": torch.nn.GELU(),
    "gelu_tanh": torch.nn.GELU(approximate="tanh"),
    "tanh": torch.nn.Tanh(),
    "sigmoid": torch.nn.Sigmoid(),
    "softmax": torch.nn.Softmax(dim=-1),
}


def f32(t):
    return t.detach().numpy().astype(np.float32)


def float32_input(shape, scale=1.0, shift=0.0):
    """Random float32 values, returned as the float64 tensor holding exactly those values."""
    return (torch.randn(*shape, dtype=torch.float64) * scale + shift).float().double()


def elementwise():
    rest = (torch.randn(96 - len(SPECIAL), dtype=torch.float64) * 3).tolist()
    x = torch.tensor(SPECIAL + rest, dtype=torch.float32).double().reshape(4, 3, 8)
    g = float32_input(x.shape)
    tensors = {"x": f32(x), "g": f32(g)}
    for name, module in ACTIVATIONS.items():
        xi = x.clone().requires_grad_(True)
        y = module(xi)
        (y * g).sum().backward()
        tensors[f"{name}.y"] = f32(y)
        tensors[f"{name}.dx"] = f32(xi.grad)
    golden_io.save(os.path.join(HERE, "activations_batchnorm_elementwise.safetensors"), tensors,
                   {"leaky_relu.negative_slope": LEAKY_SLOPE, "elu.alpha": ELU_ALPHA, "softmax.dim": -1,
                    "gelu.approximate": "none", "gelu_tanh.approximate": "tanh"})


def erf():
    x = np.concatenate([np.linspace(-6, 6, 241), [1e-7, -1e-7, 1e-4, -1e-4, 0.01, -0.01, 0.49, 0.5, 0.51, 7, 8, 9]])
    x = torch.tensor(x, dtype=torch.float32).double()
    golden_io.save(os.path.join(HERE, "activations_batchnorm_erf.safetensors"),
                   {"x": f32(x), "erf": f32(torch.special.erf(x)), "erfc": f32(torch.special.erfc(x))})


def batchnorm(case, shape, eps, momentum, affine):
    channels = shape[1]
    bn = torch.nn.BatchNorm1d(channels, eps=eps, momentum=momentum, affine=affine).double()
    tensors = {}
    if affine:
        with torch.no_grad():
            bn.weight.copy_(float32_input((channels,), 0.5, 1.0))
            bn.bias.copy_(float32_input((channels,), 0.3))
        tensors["weight"] = f32(bn.weight)
        tensors["bias"] = f32(bn.bias)
    # Per-channel offsets and scales, so that the statistics differ between channels.
    view = (1, channels) + (1,) * (len(shape) - 2)
    offsets = float32_input((channels,), 2.0).reshape(view)
    scales = (torch.rand(channels, dtype=torch.float64) * 3 + 0.5).float().double().reshape(view)
    x1 = (float32_input(shape) * scales + offsets).float().double()
    x2 = (float32_input(shape) * scales + offsets).float().double().requires_grad_(True)
    x_eval = (float32_input(shape) * scales + offsets).float().double()
    g = float32_input(shape)

    bn.train()
    y1 = bn(x1)
    y2 = bn(x2)
    (y2 * g).sum().backward()
    tensors.update({"x1": f32(x1), "x2": f32(x2), "g": f32(g), "x_eval": f32(x_eval),
                    "y1": f32(y1), "y2": f32(y2), "dx": f32(x2.grad)})
    if affine:
        tensors["dweight"] = f32(bn.weight.grad)
        tensors["dbias"] = f32(bn.bias.grad)
    tensors["running_mean"] = f32(bn.running_mean)
    tensors["running_var"] = f32(bn.running_var)
    bn.eval()
    with torch.no_grad():
        tensors["y_eval"] = f32(bn(x_eval))
    golden_io.save(os.path.join(HERE, f"activations_batchnorm_bn_{case}.safetensors"), tensors,
                   {"num_features": channels, "eps": eps, "momentum": momentum, "affine": affine})


def main():
    torch.manual_seed(20240611)
    elementwise()
    erf()
    batchnorm("rank3_affine", (4, 3, 5), 1e-5, 0.1, True)
    batchnorm("rank2_affine", (6, 4), 1e-3, 0.25, True)
    batchnorm("rank3_plain", (3, 2, 4), 1e-5, 0.1, False)


if __name__ == "__main__":
    main()
