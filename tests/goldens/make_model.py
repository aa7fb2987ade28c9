"""Golden for a whole Conv1D -> ReLU -> MaxPool -> LSTM -> Dense model and one Adam step (issue 2).

Run with Debian's /usr/bin/python3 (python3-torch) from the repository root:
    /usr/bin/python3 tests/goldens/make_model.py
Writes tests/goldens/model_cnn_lstm.safetensors: input, labels, weights (state_dict names), logits, loss, the
input gradient, every weight gradient (grad.<name>) and every weight after one Adam step (adam.<name>).
"""
import os

import torch
import torch.nn as nn

from golden_io import save, torch_state

HERE = os.path.dirname(os.path.abspath(__file__))


class CnnLstm(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(5, 8, 3)
        self.pool = nn.MaxPool1d(2)
        self.lstm = nn.LSTM(8, 6, batch_first=True)
        self.fc1 = nn.Linear(6, 7)
        self.fc2 = nn.Linear(7, 4)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv(x)))
        out, _ = self.lstm(x.transpose(1, 2))
        return self.fc2(torch.relu(self.fc1(out[:, -1, :])))


def main():
    torch.manual_seed(1234)
    model = CnnLstm()
    x = torch.randn(3, 5, 21, requires_grad=True)
    y = torch.tensor([0, 3, 2])
    logits = model(x)
    loss = nn.functional.cross_entropy(logits, y)
    loss.backward()
    tensors = {"input": x.detach(), "labels": y, "logits": logits.detach(), "loss": loss.detach().reshape(1),
               "grad.input": x.grad}
    tensors.update(torch_state("", model))
    tensors.update({f"grad.{k}": p.grad for k, p in model.named_parameters()})
    torch.optim.Adam(model.parameters(), lr=1e-3).step()
    tensors.update(torch_state("adam.", model))
    save(os.path.join(HERE, "model_cnn_lstm.safetensors"), tensors,
         {"model": "conv(5->8,k3) relu maxpool(2) permute lstm(8->6,last) fc1(6->7) relu fc2(7->4)", "optimizer": "Adam lr=1e-3"})


if __name__ == "__main__":
    main()
