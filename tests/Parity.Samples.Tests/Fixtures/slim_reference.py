#!/usr/bin/python3
"""An outside reference for the TF-Slim ports: NumPy forward passes written in TF's own conventions,
independently of Parity (NHWC activations, HWIO conv kernels, HWCM depthwise kernels, TF SAME padding
with the odd cell after, slim's fused batch norm), fed the variables the C# legacy network holds.

    /usr/bin/python3 slim_reference.py mobilenet_v1 VARIABLES.npz INPUTS.npz OUT.npz [--training]

VARIABLES.npz maps TF-Slim variable names to values; INPUTS.npz holds "images" (NHWC). OUT.npz gets
every endpoint by slim's name and, in training, the updated moving statistics as "moving:<name>".
Everything is computed in float64, so the reference carries no float32 rounding of its own.
"""
import sys

import numpy as np


def same_pads(size, kernel, stride):
    out = -(-size // stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def pad(x, kernel, stride, padding):
    if padding == "VALID":
        return x
    top, bottom = same_pads(x.shape[1], kernel[0], stride)
    left, right = same_pads(x.shape[2], kernel[1], stride)
    return np.pad(x, ((0, 0), (top, bottom), (left, right), (0, 0)))


def taps(x, kernel, stride):
    """Every kernel offset (di, dj) with the strided input cells it multiplies."""
    out_h = (x.shape[1] - kernel[0]) // stride + 1
    out_w = (x.shape[2] - kernel[1]) // stride + 1
    for di in range(kernel[0]):
        for dj in range(kernel[1]):
            yield di, dj, x[:, di:di + stride * (out_h - 1) + 1:stride, dj:dj + stride * (out_w - 1) + 1:stride, :]


def conv2d(x, w_hwio, stride, padding):
    """TF conv2d: out[b,i,j,o] = sum over di,dj,c of x_padded[b, i*s+di, j*s+dj, c] * w[di,dj,c,o]."""
    x = pad(x, w_hwio.shape[:2], stride, padding)
    return sum(np.tensordot(cells, w_hwio[di, dj], axes=([3], [0])) for di, dj, cells in taps(x, w_hwio.shape[:2], stride))


def depthwise_conv2d(x, w_hwcm, stride, padding):
    """TF depthwise_conv2d: output channel c*M + m is input channel c through filter m."""
    channels, multiplier = w_hwcm.shape[2:]
    x = pad(x, w_hwcm.shape[:2], stride, padding)
    out = sum(cells[..., :, None] * w_hwcm[di, dj] for di, dj, cells in taps(x, w_hwcm.shape[:2], stride))
    return out.reshape(out.shape[:3] + (channels * multiplier,))


class Variables:
    def __init__(self, path):
        with np.load(path) as archive:
            self.values = {name: archive[name].astype(np.float64) for name in archive.files}
        self.used = set()
        self.moving = {}

    def __getitem__(self, name):
        if name not in self.values:
            raise KeyError(f"the C# network has no variable {name}; the reference expects slim's name")
        self.used.add(name)
        return self.values[name]


def batch_norm(v, scope, x, training, decay=0.9997, epsilon=0.001):
    """slim.batch_norm, fused path, center and scale: batch statistics in training (moving variance
    updated with the Bessel-corrected one), moving statistics in inference. Both networks here scale."""
    beta, gamma = v[scope + "/BatchNorm/beta"], v[scope + "/BatchNorm/gamma"]
    moving_mean, moving_variance = v[scope + "/BatchNorm/moving_mean"], v[scope + "/BatchNorm/moving_variance"]
    if training:
        mean = x.mean(axis=(0, 1, 2))
        variance = x.var(axis=(0, 1, 2))
        count = x.shape[0] * x.shape[1] * x.shape[2]
        v.moving[scope + "/BatchNorm/moving_mean"] = moving_mean * decay + mean * (1 - decay)
        v.moving[scope + "/BatchNorm/moving_variance"] = moving_variance * decay + variance * count / max(count - 1, 1) * (1 - decay)
    else:
        mean, variance = moving_mean, moving_variance
    return (x - mean) / np.sqrt(variance + epsilon) * gamma + beta


def relu6(x):
    return np.minimum(np.maximum(x, 0.0), 6.0)


MOBILENET_V1_DEFS = [(False, 2, 32)] + [(True, s, d) for s, d in
                                       [(1, 64), (2, 128), (1, 128), (2, 256), (1, 256), (2, 512), (1, 512), (1, 512),
                                        (1, 512), (1, 512), (1, 512), (2, 1024), (1, 1024)]]


def mobilenet_v1(v, images, training):
    """slim's mobilenet_v1 with mobilenet_v1_arg_scope, depth multiplier 1, dropout off."""
    endpoints = {}
    net = images
    for i, (separable, stride, _depth) in enumerate(MOBILENET_V1_DEFS):
        if not separable:
            scope = f"MobilenetV1/Conv2d_{i}"
            net = relu6(batch_norm(v, scope, conv2d(net, v[scope + "/weights"], stride, "SAME"), training))
            endpoints[f"Conv2d_{i}"] = net
            continue
        scope = f"MobilenetV1/Conv2d_{i}_depthwise"
        net = relu6(batch_norm(v, scope, depthwise_conv2d(net, v[scope + "/depthwise_weights"], stride, "SAME"), training))
        endpoints[f"Conv2d_{i}_depthwise"] = net
        scope = f"MobilenetV1/Conv2d_{i}_pointwise"
        net = relu6(batch_norm(v, scope, conv2d(net, v[scope + "/weights"], 1, "SAME"), training))
        endpoints[f"Conv2d_{i}_pointwise"] = net
    kernel = (min(net.shape[1], 7), min(net.shape[2], 7))
    net = sum(cells for _, _, cells in taps(net, kernel, 2)) / (kernel[0] * kernel[1])
    endpoints["AvgPool_1a"] = net
    logits = conv2d(net, v["MobilenetV1/Logits/Conv2d_1c_1x1/weights"], 1, "SAME") + v["MobilenetV1/Logits/Conv2d_1c_1x1/biases"]
    logits = logits[:, 0, 0, :]
    endpoints["Logits"] = logits
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    endpoints["Predictions"] = shifted / shifted.sum(axis=-1, keepdims=True)
    return endpoints


# resnet_reference.py adds resnet_v1_50 to this table.
MODELS = {"mobilenet_v1": mobilenet_v1}


def main(argv):
    if len(argv) < 5 or argv[1] not in MODELS:
        sys.exit(__doc__)
    variables = Variables(argv[2])
    with np.load(argv[3]) as inputs:
        images = inputs["images"].astype(np.float64)
    training = "--training" in argv[5:]
    endpoints = MODELS[argv[1]](variables, images, training)
    unused = sorted(set(variables.values) - variables.used)
    if unused:
        sys.exit(f"the C# network has variables slim's does not: {unused[:5]} ({len(unused)} in all)")
    outputs = {name: value.astype(np.float32) for name, value in endpoints.items()}
    outputs.update({"moving:" + name: value.astype(np.float32) for name, value in variables.moving.items()})
    np.savez(argv[4], **outputs)


if __name__ == "__main__":
    main(sys.argv)
