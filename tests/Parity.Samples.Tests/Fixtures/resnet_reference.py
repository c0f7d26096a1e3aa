#!/usr/bin/python3
"""An outside reference for the ResNet v1 50 port: slim's resnet_v1_50 (resnet_v1.py, resnet_utils.py)
under resnet_arg_scope, as a NumPy forward pass in TF's conventions, fed the variables the C# legacy
network holds. Convolutions, TF SAME padding and slim's fused batch norm come from slim_reference.py;
this file adds what ResNet brings: conv2d_same (explicit padding, then VALID), SAME max pooling,
subsampling shortcuts and the bottleneck units.

    /usr/bin/python3 resnet_reference.py resnet_v1_50 VARIABLES.npz INPUTS.npz OUT.npz [--training]

Inputs and outputs are those of slim_reference.py: every endpoint under slim's end_points name, and in
training the updated moving statistics as "moving:<name>".
"""
import sys

import numpy as np

import slim_reference as slim

# resnet_arg_scope's batch norm.
DECAY = 0.997
EPSILON = 1e-5

# resnet_v1_50's blocks: (base depth, units, stride of the last unit).
RESNET_V1_50_BLOCKS = [(64, 3, 2), (128, 4, 2), (256, 6, 2), (512, 3, 1)]


def conv2d_same(x, w_hwio, stride):
    """resnet_utils.conv2d_same: stride 1 is SAME; above, pad k-1 cells ((k-1)//2 before) and go VALID."""
    if stride == 1:
        return slim.conv2d(x, w_hwio, 1, "SAME")
    total = w_hwio.shape[0] - 1
    before, after = total // 2, total - total // 2
    return slim.conv2d(np.pad(x, ((0, 0), (before, after), (before, after), (0, 0))), w_hwio, stride, "VALID")


def max_pool_same(x, kernel, stride):
    """TF max_pool with SAME: padded cells are -inf, so they never win."""
    top, bottom = slim.same_pads(x.shape[1], kernel, stride)
    left, right = slim.same_pads(x.shape[2], kernel, stride)
    x = np.pad(x, ((0, 0), (top, bottom), (left, right), (0, 0)), constant_values=-np.inf)
    return np.max([cells for _, _, cells in slim.taps(x, (kernel, kernel), stride)], axis=0)


def conv_bn(v, scope, x, training, stride=1, relu=True, conv=None):
    """slim.conv2d under resnet_arg_scope: no biases, batch norm with scale, then ReLU unless linear."""
    weights = v[scope + "/weights"]
    net = conv(x, weights, stride) if conv else slim.conv2d(x, weights, stride, "SAME")
    net = slim.batch_norm(v, scope, net, training, decay=DECAY, epsilon=EPSILON)
    return np.maximum(net, 0.0) if relu else net


def bottleneck(v, scope, net, depth, depth_bottleneck, stride, training, endpoints):
    if net.shape[3] == depth:
        shortcut = net[:, ::stride, ::stride, :]
    else:
        shortcut = endpoints[scope + "/shortcut"] = conv_bn(v, scope + "/shortcut", net, training, stride, relu=False)
    residual = endpoints[scope + "/conv1"] = conv_bn(v, scope + "/conv1", net, training)
    residual = endpoints[scope + "/conv2"] = conv_bn(v, scope + "/conv2", residual, training, stride, conv=conv2d_same)
    residual = endpoints[scope + "/conv3"] = conv_bn(v, scope + "/conv3", residual, training, relu=False)
    endpoints[scope] = np.maximum(shortcut + residual, 0.0)
    return endpoints[scope]


def resnet_v1_50(v, images, training):
    """slim's resnet_v1_50 with global pooling and spatial squeeze."""
    endpoints = {}
    name = "resnet_v1_50"
    net = endpoints[name + "/conv1"] = conv_bn(v, name + "/conv1", images, training, 2, conv=conv2d_same)
    net = max_pool_same(net, 3, 2)
    for b, (base, units, stride) in enumerate(RESNET_V1_50_BLOCKS):
        block = f"{name}/block{b + 1}"
        for u in range(units):
            unit_stride = stride if u == units - 1 else 1
            net = bottleneck(v, f"{block}/unit_{u + 1}/bottleneck_v1", net, base * 4, base, unit_stride, training, endpoints)
        endpoints[block] = net
    net = endpoints["global_pool"] = net.mean(axis=(1, 2), keepdims=True)
    logits = endpoints[name + "/logits"] = slim.conv2d(net, v[name + "/logits/weights"], 1, "SAME") + v[name + "/logits/biases"]
    logits = endpoints[name + "/spatial_squeeze"] = logits[:, 0, 0, :]
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    endpoints["predictions"] = shifted / shifted.sum(axis=-1, keepdims=True)
    return endpoints


if __name__ == "__main__":
    slim.MODELS["resnet_v1_50"] = resnet_v1_50
    slim.main(sys.argv)
