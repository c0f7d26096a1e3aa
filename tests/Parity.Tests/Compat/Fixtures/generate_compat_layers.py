#!/usr/bin/python3
"""Writes compat_layers.json: what TF's layer conventions give on small multi-channel inputs.

Run with Debian's Python (it has python3-torch):  /usr/bin/python3 generate_compat_layers.py
The TF conventions are spelled out here independently of the C# runtime: NHWC activations, HWIO
kernels, SAME padding = max((ceil(in/stride)-1)*stride + (k-1)*dilation + 1 - in, 0) split with the
odd cell after, max pooling that ignores padded cells, average pooling over real cells only, and
batch norm that normalizes with the biased batch variance but updates the moving variance with the
unbiased one (TF's fused kernel). Inputs are waves, sin(0.37*i + phase)*scale over the flat NHWC
index i, rounded to float32; the C# test rebuilds them, so only outputs are stored.
"""
import json
import math
import os

import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def wave(shape, phase, scale=1.0):
    count = math.prod(shape)
    values = [scale * math.sin(0.37 * i + phase) for i in range(count)]
    return torch.tensor(values, dtype=torch.float64).to(torch.float32).reshape(shape)


def same_pads(size, kernel, stride, dilation):
    out = -(-size // stride)
    total = max((out - 1) * stride + (kernel - 1) * dilation + 1 - size, 0)
    return total // 2, total - total // 2


def tf_pad(x_nchw, kernel, stride, dilation, value):
    top, bottom = same_pads(x_nchw.shape[2], kernel[0], stride[0], dilation[0])
    left, right = same_pads(x_nchw.shape[3], kernel[1], stride[1], dilation[1])
    return F.pad(x_nchw, (left, right, top, bottom), value=value)


def to_nchw(x):
    return x.permute(0, 3, 1, 2)


def to_nhwc(x):
    return x.permute(0, 2, 3, 1)


def conv(x, kernel_hwio, bias, stride, padding, dilation=(1, 1)):
    x = to_nchw(x)
    if padding == "same":
        x = tf_pad(x, kernel_hwio.shape[:2], stride, dilation, 0.0)
    weight = kernel_hwio.permute(3, 2, 0, 1)
    return to_nhwc(F.conv2d(x, weight, bias, stride=stride, dilation=dilation))


def max_pool_same(x, pool, stride):
    padded = tf_pad(to_nchw(x), pool, stride, (1, 1), float("-inf"))
    return to_nhwc(F.max_pool2d(padded, pool, stride))


def avg_pool_same(x, pool, stride):
    nchw = to_nchw(x)
    sums = F.avg_pool2d(tf_pad(nchw, pool, stride, (1, 1), 0.0), pool, stride) * (pool[0] * pool[1])
    counts = F.avg_pool2d(tf_pad(torch.ones_like(nchw), pool, stride, (1, 1), 0.0), pool, stride) * (pool[0] * pool[1])
    return to_nhwc(sums / counts)


def batch_norm_training(x, momentum, epsilon):
    axes = (0, 1, 2)
    count = x.shape[0] * x.shape[1] * x.shape[2]
    mean = x.mean(dim=axes)
    biased = ((x - mean) ** 2).mean(dim=axes)
    unbiased = biased * count / (count - 1)
    output = (x - mean) / torch.sqrt(biased + epsilon)
    moving_mean = 0.0 * momentum + mean * (1 - momentum)
    moving_variance = 1.0 * momentum + unbiased * (1 - momentum)
    return output, moving_mean, moving_variance


def depthwise(x, kernel_hwcm, bias, stride, padding):
    """TF's definition, loop by loop: output channel c*M + m is input channel c through filter m."""
    kh, kw, channels, multiplier = kernel_hwcm.shape
    nchw = to_nchw(x)
    if padding == "same":
        nchw = tf_pad(nchw, (kh, kw), stride, (1, 1), 0.0)
    padded = to_nhwc(nchw)
    out_h = (padded.shape[1] - kh) // stride[0] + 1
    out_w = (padded.shape[2] - kw) // stride[1] + 1
    out = torch.zeros(x.shape[0], out_h, out_w, channels * multiplier)
    for i in range(out_h):
        for j in range(out_w):
            window = padded[:, i * stride[0]:i * stride[0] + kh, j * stride[1]:j * stride[1] + kw, :]
            for c in range(channels):
                for m in range(multiplier):
                    out[:, i, j, c * multiplier + m] = (window[..., c] * kernel_hwcm[:, :, c, m]).sum(dim=(1, 2))
    return out if bias is None else out + bias


def conv_transpose(x, kernel_hwoi, bias, stride, padding):
    """TF's conv2d_transpose is the gradient of conv2d with respect to its input, taken here by autograd
    through the forward conv above (kernel (kh, kw, out, in) read as HWIO from out to in channels)."""
    kh, kw = kernel_hwoi.shape[:2]
    size = []
    for axis, k, s in ((1, kh, stride[0]), (2, kw, stride[1])):
        n = x.shape[axis]
        size.append(n * s if padding == "same" else n * s + max(k - s, 0))
    z = torch.zeros(x.shape[0], size[0], size[1], kernel_hwoi.shape[2], requires_grad=True)
    (conv(z, kernel_hwoi, None, stride, padding) * x).sum().backward()
    return z.grad if bias is None else z.grad + bias


golden = {}


def record(name, tensor):
    tensor = tensor.detach().contiguous()
    golden[name] = {"shape": list(tensor.shape), "values": [float(v) for v in tensor.flatten().tolist()]}


image = wave((2, 5, 7, 3), 0.0)
record("conv_same_stride2", conv(image, wave((3, 3, 3, 4), 1.0, 0.5), wave((4,), 2.0, 0.1), (2, 2), "same"))
record("conv_same_dilation2", conv(wave((1, 6, 6, 2), 0.3), wave((3, 3, 2, 3), 1.3, 0.5), None, (1, 1), "same", (2, 2)))
record("conv_valid_stride21", conv(wave((2, 6, 5, 3), 0.6), wave((2, 3, 3, 2), 1.6, 0.5), None, (2, 1), "valid"))
record("max_pool_same", max_pool_same(image, (3, 3), (2, 2)))
record("avg_pool_same", avg_pool_same(image, (3, 3), (2, 2)))
bn_output, bn_mean, bn_variance = batch_norm_training(wave((4, 3, 3, 2), 0.5), 0.9, 0.001)
record("batch_norm_training", bn_output)
record("batch_norm_moving_mean", bn_mean)
record("batch_norm_moving_variance", bn_variance)
record("dense_rank3", wave((2, 3, 4), 0.9) @ wave((4, 5), 1.9, 0.5) + wave((5,), 2.9, 0.1))
record("depthwise_same_stride2", depthwise(image, wave((3, 3, 3, 2), 1.1, 0.5), wave((6,), 2.1, 0.1), (2, 2), "same"))
separable_input = wave((1, 6, 5, 2), 0.7)
separable_spatial = depthwise(separable_input, wave((3, 3, 2, 2), 1.7, 0.5), None, (1, 1), "valid")
record("separable_valid", conv(separable_spatial, wave((1, 1, 4, 3), 2.7, 0.5), wave((3,), 3.7, 0.1), (1, 1), "valid"))
record("transpose_same_stride2", conv_transpose(wave((2, 3, 4, 3), 0.2), wave((3, 3, 2, 3), 1.2, 0.5), wave((2,), 2.2, 0.1), (2, 2), "same"))
record("transpose_valid_stride2", conv_transpose(wave((1, 3, 3, 2), 0.4), wave((3, 2, 2, 2), 1.4, 0.5), None, (2, 2), "valid"))
record("transpose_valid_kernel_below_stride", conv_transpose(wave((1, 2, 3, 2), 0.8), wave((1, 1, 3, 2), 1.8, 0.5), None, (3, 2), "valid"))
ln_input = wave((2, 3, 5), 0.9, 2.0)
ln_gamma, ln_beta = wave((5,), 1.9, 0.5), wave((5,), 2.9, 0.1)
ln_mean = ln_input.mean(dim=-1, keepdim=True)
ln_variance = ((ln_input - ln_mean) ** 2).mean(dim=-1, keepdim=True)
record("layer_norm", (ln_input - ln_mean) / torch.sqrt(ln_variance + 0.001) * ln_gamma + ln_beta)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "compat_layers.json")
with open(path, "w") as out:
    json.dump(golden, out, indent=1)
    out.write("\n")
