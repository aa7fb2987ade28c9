"""Goldens for Valence's LSTM, GRU and SimpleRNN: torch.nn.LSTM/GRU/RNN with batch_first=True.

Each case writes tests/goldens/recurrent_<case>.safetensors holding the input (and initial states), the weights
under their state_dict names, the full output sequence and the last step (out[:, -1, :]), and for a fixed upstream
gradient of each the input gradient, every weight gradient and the initial-state gradients.
Weights, inputs and upstream gradients are float32 values; the module runs in float64 so the goldens are exact to
float32 rounding. Run with Debian's /usr/bin/python3 from this folder or any other.
"""
import os

import torch

import golden_io

HERE = os.path.dirname(os.path.abspath(__file__))

# name: (module, hidden, layers, bidirectional, bias, initial state). Hidden 5 is narrower than a SIMD vector;
# 17 and 19 have whole vectors and a tail.
CASES = {
    "lstm": (torch.nn.LSTM, 5, 2, True, True, False),
    "lstm_state": (torch.nn.LSTM, 5, 1, True, True, True),
    "lstm_wide": (torch.nn.LSTM, 19, 1, True, True, True),
    "gru": (torch.nn.GRU, 5, 2, False, True, False),
    "gru_state": (torch.nn.GRU, 5, 2, True, True, True),
    "gru_wide": (torch.nn.GRU, 17, 2, False, True, False),
    "rnn": (torch.nn.RNN, 5, 2, True, True, False),
    "rnn_state_nobias": (torch.nn.RNN, 5, 1, False, False, True),
    "rnn_wide": (torch.nn.RNN, 19, 1, True, True, False),
}
TYPE_NAMES = {torch.nn.LSTM: "LSTM", torch.nn.GRU: "GRU", torch.nn.RNN: "SimpleRNN"}
BATCH, TIME, INPUT = 3, 6, 7


def float32(t):
    """A float64 tensor holding float32-representable values."""
    return t.float().double()


def run(module, x, state, upstream, select):
    """Forward, select the output (sequence or last step), backward with upstream; returns output and gradients."""
    module.zero_grad()
    x = x.clone().requires_grad_(True)
    leaves = [s.clone().requires_grad_(True) for s in state]
    if not leaves:
        out, _ = module(x)
    elif len(leaves) == 2:
        out, _ = module(x, tuple(leaves))
    else:
        out, _ = module(x, leaves[0])
    y = select(out)
    y.backward(upstream)
    grads = {"grad_input": x.grad}
    # cloned: the next zero_grad() clears the .grad tensors in place
    grads.update({f"grad.{k}": p.grad.clone() for k, p in module.named_parameters()})
    for name, leaf in zip(["grad_h0", "grad_c0"], leaves):
        grads[name] = leaf.grad
    return y, grads


def make(name, cls, hidden, layers, bidirectional, bias, with_state):
    torch.manual_seed(sum(map(ord, name)))
    module = cls(INPUT, hidden, num_layers=layers, bidirectional=bidirectional, bias=bias, batch_first=True)
    module = module.double()
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(float32(p))
    directions = 2 if bidirectional else 1
    x = float32(torch.randn(BATCH, TIME, INPUT))
    state = []
    if with_state:
        state.append(float32(torch.randn(layers * directions, BATCH, hidden)))
        if cls is torch.nn.LSTM:
            state.append(float32(torch.randn(layers * directions, BATCH, hidden)))
    upstream_seq = float32(torch.randn(BATCH, TIME, hidden * directions))
    upstream_last = float32(torch.randn(BATCH, hidden * directions))

    tensors = {"input": x}
    for state_name, s in zip(["h0", "c0"], state):
        tensors[state_name] = s
    tensors.update({k: v.detach() for k, v in module.state_dict().items()})
    out, grads = run(module, x, state, upstream_seq, lambda o: o)
    tensors["output"] = out.detach()
    tensors["grad_output"] = upstream_seq
    tensors.update(grads)
    last, grads_last = run(module, x, state, upstream_last, lambda o: o[:, -1, :])
    tensors["output_last"] = last.detach()
    tensors["grad_output_last"] = upstream_last
    tensors.update({f"last.{k}": v for k, v in grads_last.items()})

    metadata = {
        "type": TYPE_NAMES[cls], "input_size": INPUT, "hidden_size": hidden, "num_layers": layers,
        "bidirectional": bidirectional, "bias": bias, "initial_state": with_state, "torch": torch.__version__,
    }
    arrays = {k: v.detach().numpy().astype("float32") for k, v in tensors.items()}
    golden_io.save(os.path.join(HERE, f"recurrent_{name}.safetensors"), arrays, metadata)


if __name__ == "__main__":
    for case, settings in CASES.items():
        make(case, *settings)
