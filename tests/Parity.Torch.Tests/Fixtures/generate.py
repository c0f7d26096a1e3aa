#!/usr/bin/python3
"""Writes golden.json: expected outputs of Parity.Torch ops, computed by PyTorch.

Run with Debian's Python, which has python3-torch:  /usr/bin/python3 generate.py
Inputs are deterministic waves (offset + scale * sin(0.37 * i + phase) over the flat index i,
rounded to the dtype), so the C# tests rebuild them exactly (Fixtures/Wave.cs) instead of reading
them; only expected outputs are stored.
"""
import json
import math
import os

import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def wave(shape, phase, scale=1.0, offset=0.0, dtype=torch.float32):
    count = math.prod(shape)
    values = [offset + scale * math.sin(0.37 * i + phase) for i in range(count)]
    return torch.tensor(values, dtype=torch.float64).to(dtype).reshape(shape)


golden = {}


def record(name, tensor):
    tensor = tensor.detach()
    golden[name] = {
        "shape": list(tensor.shape),
        "dtype": str(tensor.dtype).replace("torch.", ""),
        "values": [float(v) if tensor.is_floating_point() else int(v) for v in tensor.flatten().tolist()],
    }


def avg_pool_real_cells(x, kernel, stride, pads):
    """Average over the real (unpadded) cells of each window, computed cell by cell."""
    top, bottom, left, right = pads
    n, c, h, w = x.shape
    out_h = (h + top + bottom - kernel) // stride + 1
    out_w = (w + left + right - kernel) // stride + 1
    out = torch.zeros(n, c, out_h, out_w, dtype=x.dtype)
    for i in range(out_h):
        for j in range(out_w):
            rows = [r for r in range(i * stride - top, i * stride - top + kernel) if 0 <= r < h]
            cols = [q for q in range(j * stride - left, j * stride - left + kernel) if 0 <= q < w]
            window = x[:, :, rows][:, :, :, cols]
            out[:, :, i, j] = window.sum(dim=(2, 3)) / (len(rows) * len(cols))
    return out


# Convolution: asymmetric padding (top 0, bottom 1, left 1, right 2), stride (2, 1).
x = wave([1, 3, 7, 7], 0.1)
w = wave([4, 3, 3, 3], 0.7, 0.5)
b = wave([4], 1.3, 0.1)
record("conv2d_asymmetric", F.conv2d(F.pad(x, (1, 2, 0, 1)), w, b, stride=(2, 1)))

# Convolution: symmetric padding 2, dilation 2, two groups, no bias, batch of two.
x = wave([2, 4, 8, 8], 0.2)
w = wave([6, 2, 3, 3], 0.9, 0.5)
record("conv2d_dilated_grouped", F.conv2d(x, w, None, stride=1, padding=2, dilation=2, groups=2))

# Pooling.
x = wave([1, 2, 6, 6], 0.3)
record("max_pool2d_symmetric", F.max_pool2d(x, 3, 2, 1))
record("max_pool2d_asymmetric", F.max_pool2d(F.pad(x, (0, 1, 0, 1), value=-math.inf), 3, 2))
record("avg_pool2d_asymmetric_exclude", avg_pool_real_cells(x, 3, 2, (0, 1, 0, 1)))
record("avg_pool2d_asymmetric_include", F.avg_pool2d(F.pad(x, (0, 1, 0, 1)), 3, 2))
# Every side different from its opposite and from its neighbour (top 1, bottom 0, left 0, right 1),
# so swapping rows for columns or before for after changes the result.
record("max_pool2d_uneven_sides", F.max_pool2d(F.pad(x, (0, 1, 1, 0), value=-math.inf), 3, 2))
record("avg_pool2d_uneven_sides_exclude", avg_pool_real_cells(x, 3, 2, (1, 0, 0, 1)))
record("avg_pool2d_uneven_sides_include", F.avg_pool2d(F.pad(x, (0, 1, 1, 0)), 3, 2))
x = wave([1, 1, 5, 5], 0.4)
record("max_pool2d_ceil", F.max_pool2d(x, 2, 2, ceil_mode=True))
x = wave([1, 2, 5, 5], 0.5)
record("avg_pool2d_include_pad", F.avg_pool2d(x, 3, 2, 1, count_include_pad=True))
record("avg_pool2d_exclude_pad", F.avg_pool2d(x, 3, 2, 1, count_include_pad=False))

# Batch norm, inference and training (training also updates the running statistics in place).
x = wave([2, 3, 4, 4], 0.6, 2.0, 0.5)
gamma = wave([3], 0.5, 0.5, 1.0)
beta = wave([3], 1.5, 0.2)
mean = wave([3], 2.5, 0.1)
var = wave([3], 3.5, 0.3, 1.0)
record("batch_norm_inference", F.batch_norm(x, mean.clone(), var.clone(), gamma, beta, False, 0.1, 1e-3))
running_mean, running_var = mean.clone(), var.clone()
record("batch_norm_training", F.batch_norm(x, running_mean, running_var, gamma, beta, True, 0.1, 1e-3))
record("batch_norm_training_running_mean", running_mean)
record("batch_norm_training_running_var", running_var)

# Activations and element-wise math.
x = wave([2, 5], 0.0, 8.0)
record("relu", F.relu(x))
record("relu6", F.relu6(x))
record("sigmoid", torch.sigmoid(x))
record("tanh", torch.tanh(x))
record("softmax_dim1", torch.softmax(x, 1))
record("log_softmax_dim0", torch.log_softmax(x, 0))
record("erfinv", torch.erfinv(wave([2, 5], 0.0, 0.9)))
record("rsqrt", torch.rsqrt(wave([2, 5], 0.0, 1.0, 2.0)))
record("log", torch.log(wave([2, 5], 0.0, 1.0, 2.0)))
record("exp", torch.exp(wave([2, 5], 0.0)))

# Linear algebra, float32 and float64.
record("matmul_batched", wave([2, 3, 4], 0.1) @ wave([4, 5], 0.6))
record("matmul_batched_f64", wave([2, 3, 4], 0.1, dtype=torch.float64) @ wave([4, 5], 0.6, dtype=torch.float64))

# Reductions.
x = wave([2, 3, 4], 0.2)
record("sum_dims_0_2", x.sum(dim=(0, 2)))
record("mean_dim1_keep", x.mean(dim=1, keepdim=True))
record("max_dim2", x.max(dim=2).values)
record("argmax_dim1", x.argmax(dim=1))
record("min_all", x.min())

# Random draws from an explicit generator: the stream continues from one op to the next.
g = torch.Generator().manual_seed(123)
record("generator123_uniform", torch.empty(6).uniform_(-1.0, 2.0, generator=g))
record("generator123_then_normal", torch.empty(6).normal_(1.0, 2.0, generator=g))
record("generator123_then_bernoulli", torch.empty(8).bernoulli_(0.3, generator=g))
g = torch.Generator().manual_seed(7)
record("generator7_uniform_f64", torch.empty(4, dtype=torch.float64).uniform_(0.0, 1.0, generator=g))
g = torch.Generator().manual_seed(9)
record("generator9_bernoulli_probs", torch.bernoulli(wave([8], 0.0, 0.5, 0.5), generator=g))
torch.manual_seed(5)
record("default_seed5_uniform", torch.rand(4))

# Autograd through conv + relu + sum of squares, and through log_softmax.
x = wave([1, 2, 5, 5], 0.3).requires_grad_()
w = wave([3, 2, 3, 3], 1.1, 0.5).requires_grad_()
(F.conv2d(x, w, padding=1).relu() ** 2).sum().backward()
record("grad_conv_input", x.grad)
record("grad_conv_weight", w.grad)
z = wave([3, 4], 0.8, 2.0).requires_grad_()
torch.log_softmax(z, 1)[:, 0].sum().backward()
record("grad_log_softmax", z.grad)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.json")
with open(path, "w") as out:
    # One case per line keeps diffs of regenerated fixtures readable.
    out.write('{"generator": "tests/Parity.Torch.Tests/Fixtures/generate.py", "torch": "%s", "cases": {\n' % torch.__version__)
    out.write(",\n".join(f"  {json.dumps(name)}: {json.dumps(case)}" for name, case in golden.items()))
    out.write("\n}}\n")
print(f"wrote {len(golden)} cases to {path}")
