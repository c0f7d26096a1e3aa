#!/usr/bin/python3
"""PyTorch peer of benchmarks/Parity.Benchmarks/Torch/TensorOpsBenchmarks.cs.

Runs the same ops on the same shapes with Debian's PyTorch 1.13 (the libtorch Parity wraps) and
prints JSON timings keyed by the C# benchmark method names:
    {"peer": "PyTorch", "results": {"ConvBnRelu": {"median_ns": ..., "cpu_median_ns": ...}, ...}}
Each sample times a batch of calls lasting at least 0.5 s of CPU, both on the wall clock and on the
thread's CPU clock (/proc/thread-self/schedstat, the counter the C# side reads); the medians of
the samples are reported, as the C# side reports medians.
"""
import argparse
import json

import torch
import torch.nn.functional as F

from peer_timing import medians_ns

CONV_LAYERS = 4
MATMULS = 8
SMALL_OPS = 50
VIEWS = 100


def build():
    g = torch.Generator().manual_seed(0)
    image = torch.empty(1, 32, 35, 35).normal_(0, 1, generator=g)
    conv_weights = [torch.empty(32, 32, 3, 3).normal_(0, 0.05, generator=g) for _ in range(CONV_LAYERS)]
    conv_biases = [torch.zeros(32) for _ in range(CONV_LAYERS)]
    gamma, beta, mean, var = torch.ones(32), torch.zeros(32), torch.zeros(32), torch.ones(32)
    rows = torch.empty(64, 256).normal_(0, 1, generator=g)
    matrices = [torch.empty(256, 256).normal_(0, 1 / 16, generator=g) for _ in range(MATMULS)]
    small = torch.empty(8).normal_(0, 1, generator=g)

    def conv_bn_relu():
        x = image
        for i in range(CONV_LAYERS):
            x = F.conv2d(x, conv_weights[i], conv_biases[i], padding=1)
            x = F.batch_norm(x, mean, var, gamma, beta, False, 0.1, 1e-3)
            x = F.relu(x)

    def matmul_chain():
        x = rows
        for i in range(MATMULS):
            x = x @ matrices[i]

    def small_op_chain():
        x = small
        for _ in range(SMALL_OPS):
            x = x * 1.0001 + 0.5

    def view_round_trips():
        for _ in range(VIEWS):
            small.detach()

    return {
        "ConvBnRelu": conv_bn_relu,
        "MatMulChain": matmul_chain,
        "SmallOpChain": small_op_chain,
        "ViewRoundTrips": view_round_trips,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--samples", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    results = {name: medians_ns(fn, args.samples, args.warmup) for name, fn in build().items()}
    print(json.dumps({"peer": "PyTorch", "version": torch.__version__, "threads": args.threads, "results": results}))


if __name__ == "__main__":
    main()
