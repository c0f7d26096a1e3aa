#!/usr/bin/python3
"""PyTorch peer of benchmarks/Parity.Benchmarks/Runtime/TrackingOverheadBenchmarks.cs.

The same small conv net as the same libtorch calls the C# side makes: an NHWC input (1x32x32x3)
copied to NCHW memory (as the runtime's layers copy a model input), weights that require grad (as trainable variables do), forward in inference mode
with autograd on: conv 3x3 3->16 (padding 1) + relu -> batch norm (inference, eps 1e-3) ->
conv 3x3 16->32 stride 2 (TF SAME: pad 0 before, 1 after) + relu -> max pool 2x2 -> flatten in
NHWC order -> dense 2048->10.
Every C# method (tracked, native, raw) is compared with this one forward pass. Prints
    {"peer": "PyTorch", "results": {"<method>": {"median_ns": ..., "cpu_median_ns": ...}, ...}}
with per-call medians of batches lasting at least 0.5 s of thread CPU, as the C# side measures.
"""
import argparse
import json

import torch
import torch.nn.functional as F

from peer_timing import medians_ns

METHODS = ("NativeModules", "RawTensorOps", "TrackedScopedVariables")


def build():
    g = torch.Generator().manual_seed(0)

    def weight(*shape):
        return torch.empty(*shape).uniform_(-0.1, 0.1, generator=g).requires_grad_()

    image = torch.ones(1, 32, 32, 3)
    conv1, bias1 = weight(16, 3, 3, 3), torch.zeros(16, requires_grad=True)
    gamma, beta = torch.ones(16, requires_grad=True), torch.zeros(16, requires_grad=True)
    mean, var = torch.zeros(16), torch.ones(16)
    conv2, bias2 = weight(32, 16, 3, 3), torch.zeros(32, requires_grad=True)
    dense, dense_bias = weight(2048, 10), torch.zeros(10, requires_grad=True)

    def forward():
        h = F.relu(F.conv2d(image.permute(0, 3, 1, 2).contiguous(), conv1, bias1, padding=1))
        h = F.batch_norm(h, mean, var, gamma, beta, False, 0.01, 1e-3)
        h = F.relu(F.conv2d(F.pad(h, (0, 1, 0, 1)), conv2, bias2, stride=2))
        h = F.max_pool2d(h, 2, 2)
        return h.permute(0, 2, 3, 1).reshape(1, -1) @ dense + dense_bias

    return forward


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--samples", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    timing = medians_ns(build(), args.samples, args.warmup)
    results = {method: timing for method in METHODS}
    print(json.dumps({"peer": "PyTorch", "version": torch.__version__, "threads": args.threads, "results": results}))


if __name__ == "__main__":
    main()
