"""Writes golden files in the safetensors format with numpy alone, so the C# tests read them with Valence's reader.

Used by the make_*.py scripts beside this file; run them with Debian's /usr/bin/python3 (python3-torch, python3-numpy).
"""
import json
import struct

import numpy as np

_DTYPES = {np.dtype("float32"): "F32", np.dtype("float64"): "F64", np.dtype("int64"): "I64", np.dtype("int32"): "I32"}


def save(path, tensors, metadata=None):
    """Writes {name: array} (in insertion order) and an optional {str: str} metadata map to path."""
    header = {}
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    offset = 0
    blobs = []
    for name, value in tensors.items():
        array = np.ascontiguousarray(value)
        if array.dtype not in _DTYPES:
            array = array.astype(np.float32)
        blob = array.astype(array.dtype.newbyteorder("<"), copy=False).tobytes()
        header[name] = {"dtype": _DTYPES[array.dtype], "shape": list(array.shape), "data_offsets": [offset, offset + len(blob)]}
        offset += len(blob)
        blobs.append(blob)
    encoded = json.dumps(header, separators=(",", ":")).encode("utf-8")
    encoded += b" " * ((8 - len(encoded) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(encoded)))
        f.write(encoded)
        for blob in blobs:
            f.write(blob)


def torch_state(prefix, module):
    """A module's parameters as {prefix + name: float32 array}, in PyTorch's state_dict order."""
    return {f"{prefix}{k}": v.detach().cpu().numpy().astype(np.float32) for k, v in module.state_dict().items()}
