#!/usr/bin/python3
"""An outside reference for the TF-Slim ports: NumPy forward passes written in TF's own conventions,
independently of Parity (NHWC activations, HWIO conv kernels, HWCM depthwise kernels, TF SAME padding
with the odd cell after, slim's fused batch norm), fed the variables the C# legacy network holds.

    /usr/bin/python3 slim_reference.py mobilenet_v1|resnet_v1_50 VARIABLES.npz INPUTS.npz OUT.npz [--training]

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


def max_pool_same(x, kernel, stride):
    """TF max pooling with SAME padding: padded cells never win."""
    top, bottom = same_pads(x.shape[1], kernel, stride)
    left, right = same_pads(x.shape[2], kernel, stride)
    x = np.pad(x, ((0, 0), (top, bottom), (left, right), (0, 0)), constant_values=-np.inf)
    return np.maximum.reduce([cells for _, _, cells in taps(x, (kernel, kernel), stride)])


def conv_bn(v, scope, x, stride, padding, training, relu=True):
    """slim.conv2d under resnet_arg_scope: batch norm (decay 0.997, epsilon 1e-5), then ReLU unless linear."""
    out = batch_norm(v, scope, conv2d(x, v[scope + "/weights"], stride, padding), training, decay=0.997, epsilon=1e-5)
    return np.maximum(out, 0.0) if relu else out


def conv2d_same(v, scope, x, kernel, stride, training):
    """resnet_utils.conv2d_same: explicit (k-1)//2 before, the rest after, then VALID, when strided."""
    if stride == 1:
        return conv_bn(v, scope, x, 1, "SAME", training)
    before = (kernel - 1) // 2
    x = np.pad(x, ((0, 0), (before, kernel - 1 - before), (before, kernel - 1 - before), (0, 0)))
    return conv_bn(v, scope, x, stride, "VALID", training)


def resnet_v1_50(v, images, training):
    """slim's resnet_v1_50 under resnet_arg_scope, 1000 classes, global pool, logits kept 4-D."""
    endpoints = {}
    root = "resnet_v1_50"
    net = conv2d_same(v, root + "/conv1", images, 7, 2, training)
    endpoints[root + "/conv1"] = net
    net = max_pool_same(net, 3, 2)
    for block, base, units, stride in (("block1", 64, 3, 2), ("block2", 128, 4, 2), ("block3", 256, 6, 2), ("block4", 512, 3, 1)):
        for i in range(1, units + 1):
            unit_stride = stride if i == units else 1
            scope = f"{root}/{block}/unit_{i}/bottleneck_v1"
            if net.shape[3] == base * 4:
                shortcut = net[:, ::unit_stride, ::unit_stride, :]
            else:
                shortcut = conv_bn(v, scope + "/shortcut", net, unit_stride, "SAME", training, relu=False)
            residual = conv_bn(v, scope + "/conv1", net, 1, "SAME", training)
            residual = conv2d_same(v, scope + "/conv2", residual, 3, unit_stride, training)
            residual = conv_bn(v, scope + "/conv3", residual, 1, "SAME", training, relu=False)
            net = np.maximum(shortcut + residual, 0.0)
            endpoints[scope] = net
        endpoints[f"{root}/{block}"] = net
    net = net.mean(axis=(1, 2), keepdims=True)
    logits = conv2d(net, v[root + "/logits/weights"], 1, "SAME") + v[root + "/logits/biases"]
    endpoints[root + "/logits"] = logits
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    endpoints["predictions"] = shifted / shifted.sum(axis=-1, keepdims=True)
    return endpoints


MODELS = {"mobilenet_v1": mobilenet_v1, "resnet_v1_50": resnet_v1_50}


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
