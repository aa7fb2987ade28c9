"""Goldens for Valence.Nn's losses, optimisers, gradient clipping and learning-rate schedules, from PyTorch 1.13.

Run with Debian's Python: /usr/bin/python3 tests/goldens/make_losses_optim.py
Writes, beside this script:
  losses_optim_losses.safetensors      cross-entropy (weights, label smoothing, both, large logits) and MSE:
                                       inputs, loss, gradient (computed in float64 from the float32 inputs)
  losses_optim_optimizers.safetensors  parameters after each of 5 steps of SGD, Adam and AdamW settings (float32,
                                       as PyTorch runs them) from fixed parameters and a fixed gradient sequence;
                                       settings as JSON in the metadata
  losses_optim_clipping.safetensors    gradients after clip_grad_norm_ and the returned norms
  losses_optim_schedules.safetensors   learning rates over 30 epochs per schedule, as exact JSON doubles in the
                                       metadata (a placeholder tensor keeps the file valid)
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

from golden_io import save

HERE = os.path.dirname(os.path.abspath(__file__))
STEPS = 5
EPOCHS = 30


def f32(t):
    return t.detach().cpu().numpy().astype(np.float32)


def cross_entropy_case(logits32, labels, weight, smoothing):
    logits = torch.tensor(logits32, dtype=torch.float64, requires_grad=True)
    w = None if weight is None else torch.tensor(weight, dtype=torch.float64)
    loss = F.cross_entropy(logits, torch.tensor(labels), weight=w, label_smoothing=smoothing)
    loss.backward()
    return np.array([loss.item()], dtype=np.float32), f32(logits.grad)


def make_losses():
    torch.manual_seed(0)
    batch, classes = 6, 4
    logits = f32(torch.randn(batch, classes) * 2)
    labels = np.array([0, 3, 1, 1, 2, 3], dtype=np.int64)
    # Σ w_y over the labels (6.5) differs from the batch (6), so normalising by the wrong one shows.
    weight = np.array([0.5, 2.0, 1.5, 0.25], dtype=np.float32)
    smoothing = 0.1
    tensors = {"ce.logits": logits, "ce.labels": labels, "ce.weight": weight}
    cases = {"plain": (None, 0.0), "weighted": (weight, 0.0), "smoothed": (None, smoothing),
             "weighted_smoothed": (weight, smoothing)}
    for name, (w, eps) in cases.items():
        tensors[f"ce.{name}.loss"], tensors[f"ce.{name}.grad"] = cross_entropy_case(logits, labels, w, eps)

    # Logits of ±hundreds overflow a naive softmax; the loss must stay finite and exact.
    large = (logits * 100).astype(np.float32)
    tensors["ce.large.logits"] = large
    tensors["ce.large.loss"], tensors["ce.large.grad"] = cross_entropy_case(large, labels, weight, smoothing)

    predictions = f32(torch.randn(5, 3))
    targets = f32(torch.randn(5, 3))
    p = torch.tensor(predictions, dtype=torch.float64, requires_grad=True)
    loss = F.mse_loss(p, torch.tensor(targets, dtype=torch.float64))
    loss.backward()
    tensors.update({"mse.predictions": predictions, "mse.targets": targets,
                    "mse.loss": np.array([loss.item()], dtype=np.float32), "mse.grad": f32(p.grad)})
    save(os.path.join(HERE, "losses_optim_losses.safetensors"), tensors,
         {"label_smoothing": smoothing, "reduction": "mean", "torch": torch.__version__})


OPTIMIZERS = {
    "sgd": {"type": "sgd", "lr": 0.1},
    "sgd_momentum_dampening": {"type": "sgd", "lr": 0.1, "momentum": 0.9, "dampening": 0.1},
    "sgd_nesterov_weight_decay": {"type": "sgd", "lr": 0.05, "momentum": 0.9, "nesterov": True, "weight_decay": 0.01},
    "sgd_momentum_weight_decay": {"type": "sgd", "lr": 0.1, "momentum": 0.8, "dampening": 0.2, "weight_decay": 0.05},
    "adam": {"type": "adam", "lr": 0.05},
    "adam_weight_decay": {"type": "adam", "lr": 0.05, "weight_decay": 0.1},
    "adam_amsgrad": {"type": "adam", "lr": 0.05, "betas": [0.8, 0.99], "amsgrad": True},
    "adamw": {"type": "adamw", "lr": 0.05},
    "adamw_amsgrad": {"type": "adamw", "lr": 0.05, "weight_decay": 0.1, "amsgrad": True, "eps": 1e-6},
}


def build_optimizer(settings, params):
    s = dict(settings)
    kind = s.pop("type")
    if "betas" in s:
        s["betas"] = tuple(s["betas"])
    return {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW}[kind](params, **s)


def make_optimizers():
    torch.manual_seed(1)
    initial = [torch.rand(3, 4) * 2 - 1, torch.rand(4) * 2 - 1]
    # Gradient scales vary so that AMSGrad's running maximum differs from the second moment.
    scales = [1.0, 0.2, 3.0, 0.05, 1.0]
    grads = [[torch.randn_like(p) * s for p in initial] for s in scales]
    tensors = {f"param.{i}": f32(p) for i, p in enumerate(initial)}
    for k, step in enumerate(grads):
        for i, g in enumerate(step):
            tensors[f"grad.{k}.{i}"] = f32(g)
    for name, settings in OPTIMIZERS.items():
        params = [p.clone().requires_grad_(True) for p in initial]
        optimizer = build_optimizer(settings, params)
        for k in range(STEPS):
            for p, g in zip(params, grads[k]):
                p.grad = g.clone()
            optimizer.step()
            for i, p in enumerate(params):
                tensors[f"{name}.step{k + 1}.{i}"] = f32(p)
    metadata = {name: json.dumps(settings) for name, settings in OPTIMIZERS.items()}
    metadata.update({"steps": STEPS, "torch": torch.__version__})
    save(os.path.join(HERE, "losses_optim_optimizers.safetensors"), tensors, metadata)


def make_clipping():
    torch.manual_seed(2)
    grads = [torch.randn(3, 4), torch.randn(4), torch.randn(2, 5)]
    tensors = {f"grad.{i}": f32(g) for i, g in enumerate(grads)}
    max_norms = [1.0, 100.0]
    for j, max_norm in enumerate(max_norms):
        params = [torch.zeros_like(g, requires_grad=True) for g in grads]
        for p, g in zip(params, grads):
            p.grad = g.clone()
        total = torch.nn.utils.clip_grad_norm_(params, max_norm)
        tensors[f"clip{j}.total_norm"] = np.array([total.item()], dtype=np.float32)
        for i, p in enumerate(params):
            tensors[f"clip{j}.grad.{i}"] = f32(p.grad)
    save(os.path.join(HERE, "losses_optim_clipping.safetensors"), tensors,
         {"max_norms": json.dumps(max_norms), "torch": torch.__version__})


PLATEAU_LOSSES = [1.0, 0.8, 0.7, 0.65, 0.64, 0.6399, 0.64, 0.639, 0.6395, 0.62, 0.6199, 0.6201, 0.62, 0.6198, 0.621,
                  0.61, 0.6101, 0.6102, 0.6099, 0.6100, 0.61, 0.61, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]
# Improvements of 1e-6 are below the default relative threshold (1e-4), so the default schedule sees a plateau.
PLATEAU_CREEPING = [1.0, 0.9, 0.8, 0.75, 0.7] + [round(0.7 - 1e-6 * i, 7) for i in range(1, 26)]
PLATEAU_ACCURACIES = [0.3, 0.4, 0.45, 0.455, 0.452, 0.46, 0.47, 0.475, 0.471, 0.469, 0.5, 0.505, 0.509, 0.51, 0.5,
                      0.52, 0.52, 0.515, 0.531, 0.53, 0.53, 0.53, 0.53, 0.54, 0.53, 0.53, 0.53, 0.53, 0.53, 0.53]

SCHEDULES = {
    "step_lr": {"type": "step_lr", "lr": 0.1, "step_size": 7, "gamma": 0.5},
    "cosine": {"type": "cosine", "lr": 0.1, "T_max": 10, "eta_min": 0.001},
    "cosine_to_zero": {"type": "cosine", "lr": 0.05, "T_max": 25},
    "plateau_min_rel": {"type": "plateau", "lr": 0.1, "mode": "min", "factor": 0.5, "patience": 3, "threshold": 0.01,
                        "cooldown": 2, "min_lr": 0.01, "metrics": PLATEAU_LOSSES},
    "plateau_defaults": {"type": "plateau", "lr": 0.1, "metrics": PLATEAU_CREEPING},
    "plateau_max_abs": {"type": "plateau", "lr": 0.2, "mode": "max", "factor": 0.3, "patience": 2, "threshold": 0.005,
                        "threshold_mode": "abs", "cooldown": 1, "metrics": PLATEAU_ACCURACIES},
}


def learning_rates(settings):
    s = dict(settings)
    kind, lr, metrics = s.pop("type"), s.pop("lr"), s.pop("metrics", None)
    param = torch.zeros(1, requires_grad=True)
    param.grad = torch.zeros(1)
    optimizer = torch.optim.SGD([param], lr=lr)
    scheduler = {"step_lr": torch.optim.lr_scheduler.StepLR, "cosine": torch.optim.lr_scheduler.CosineAnnealingLR,
                 "plateau": torch.optim.lr_scheduler.ReduceLROnPlateau}[kind](optimizer, **s)
    rates = [optimizer.param_groups[0]["lr"]]
    for epoch in range(EPOCHS):
        optimizer.step()
        if metrics is None:
            scheduler.step()
        else:
            scheduler.step(metrics[epoch])
        rates.append(optimizer.param_groups[0]["lr"])
    return rates


def make_schedules():
    metadata = {name: json.dumps(settings) for name, settings in SCHEDULES.items()}
    metadata.update({f"{name}.lr": json.dumps(learning_rates(settings)) for name, settings in SCHEDULES.items()})
    metadata.update({"epochs": EPOCHS, "torch": torch.__version__})
    save(os.path.join(HERE, "losses_optim_schedules.safetensors"), {"epochs": np.array([EPOCHS], dtype=np.int64)},
         metadata)


if __name__ == "__main__":
    make_losses()
    make_optimizers()
    make_clipping()
    make_schedules()
