#!/usr/bin/python3
"""PyTorch peer of the Inception-ResNet-v2 benchmarks (benchmarks/Parity.Benchmarks/Models).

The same Inception-ResNet-v2 as samples/InceptionResnetV2 (TF-Slim's layout: every kernel, stride,
TF SAME/VALID padding, block repeats and residual scales, batch norm with epsilon 0.001 and gamma,
aux logits, dropout keep 0.8, 1000 classes), written for PyTorch 1.13 in its native NCHW layout.
TF SAME padding of the stride-1 convolutions in this network is symmetric, so it is given to the
convolution itself; the one SAME average pool excludes padded cells, as TF does. The hand-written
TorchSharp model of the benchmarks (Models/HandWritten) is this model, op for op.

Modes:
  --workload Inference|TrainingStep
              one workload in this process (the C# side's --model-worker does the same): build the
              model, --warmup calls, then --calls timed calls, and print one JSON line with each call's
              wall time (perf_counter_ns), process CPU time of all threads (process_time_ns) and minor
              page faults, the resident memory before the model was built and the process's peak
              (VmHWM). Inference: batch 1, --size (299), no_grad. TrainingStep: batch 1, --train-size
              (139), training mode, backward of the sum of both heads' logits, SGD step, grads zeroed.
  --constant  set every parameter and batch-norm statistic to 0.001, run inference on
              ones(1, 3, H, W) and print the outputs the walkthrough's step 3 must reproduce.
"""
import argparse
import json
import resource
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

EPSILON = 0.001
LEARNING_RATE = 0.01


class ConvBn(nn.Module):
    """Slim conv2d under the arg scope: convolution without bias, batch norm with gamma, ReLU."""

    def __init__(self, cin, cout, kernel, stride=1, same=False):
        super().__init__()
        kh, kw = (kernel, kernel) if isinstance(kernel, int) else kernel
        # Stride-1 SAME with odd kernels pads (k - 1) / 2 on both sides, as TF computes it.
        self.padding = ((kh - 1) // 2, (kw - 1) // 2) if same else (0, 0)
        self.stride = stride
        self.weight = nn.Parameter(torch.empty(cout, cin, kh, kw))
        self.gamma = nn.Parameter(torch.ones(cout))
        self.beta = nn.Parameter(torch.zeros(cout))
        self.register_buffer("mean", torch.zeros(cout))
        self.register_buffer("var", torch.ones(cout))
        nn.init.xavier_uniform_(self.weight)

    def forward(self, x):
        x = F.conv2d(x, self.weight, None, self.stride, self.padding)
        # The ATen op, not F.batch_norm: TF normalizes a single value per channel in training (the aux
        # head at batch 1), which F.batch_norm's Python-side check refuses.
        x = torch.batch_norm(x, self.gamma, self.beta, self.mean, self.var, self.training, 0.0003, EPSILON, False)
        return F.relu(x)


class Up(nn.Module):
    """The block's linear 1x1 projection back to the trunk depth (bias, no batch norm, no activation)."""

    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, 1)

    def forward(self, x):
        return self.conv(x)


class Block35(nn.Module):
    def __init__(self, scale):
        super().__init__()
        self.scale = scale
        self.b0 = ConvBn(320, 32, 1)
        self.b1 = nn.Sequential(ConvBn(320, 32, 1), ConvBn(32, 32, 3, same=True))
        self.b2 = nn.Sequential(ConvBn(320, 32, 1), ConvBn(32, 48, 3, same=True), ConvBn(48, 64, 3, same=True))
        self.up = Up(128, 320)

    def forward(self, x):
        mixed = torch.cat([self.b0(x), self.b1(x), self.b2(x)], 1)
        return F.relu(x + self.scale * self.up(mixed))


class Block17(nn.Module):
    def __init__(self, scale):
        super().__init__()
        self.scale = scale
        self.b0 = ConvBn(1088, 192, 1)
        self.b1 = nn.Sequential(ConvBn(1088, 128, 1), ConvBn(128, 160, (1, 7), same=True), ConvBn(160, 192, (7, 1), same=True))
        self.up = Up(384, 1088)

    def forward(self, x):
        mixed = torch.cat([self.b0(x), self.b1(x)], 1)
        return F.relu(x + self.scale * self.up(mixed))


class Block8(nn.Module):
    def __init__(self, scale, activation=True):
        super().__init__()
        self.scale = scale
        self.activation = activation
        self.b0 = ConvBn(2080, 192, 1)
        self.b1 = nn.Sequential(ConvBn(2080, 192, 1), ConvBn(192, 224, (1, 3), same=True), ConvBn(224, 256, (3, 1), same=True))
        self.up = Up(448, 2080)

    def forward(self, x):
        mixed = torch.cat([self.b0(x), self.b1(x)], 1)
        x = x + self.scale * self.up(mixed)
        return F.relu(x) if self.activation else x


def aux_kernel(size):
    """Spatial size of the aux head's input after its 5x5/3 pool: its last conv covers all of it, as in slim."""
    valid = lambda s, k, stride: (s - k) // stride + 1
    s = valid(valid(size, 3, 2), 3, 1)            # Conv2d_1a_3x3, Conv2d_2a_3x3
    s = valid(valid(valid(s, 3, 2), 3, 1), 3, 2)  # MaxPool_3a, Conv2d_4a_3x3, MaxPool_5a
    s = valid(s, 3, 2)                            # Mixed_6a
    return valid(s, 5, 3)


class InceptionResnetV2(nn.Module):
    def __init__(self, num_classes=1000, size=299):
        super().__init__()
        self.stem = nn.ModuleList([
            ConvBn(3, 32, 3, stride=2),
            ConvBn(32, 32, 3),
            ConvBn(32, 64, 3, same=True),
            ConvBn(64, 80, 1),
            ConvBn(80, 192, 3),
        ])
        self.m5b_0 = ConvBn(192, 96, 1)
        self.m5b_1 = nn.Sequential(ConvBn(192, 48, 1), ConvBn(48, 64, 5, same=True))
        self.m5b_2 = nn.Sequential(ConvBn(192, 64, 1), ConvBn(64, 96, 3, same=True), ConvBn(96, 96, 3, same=True))
        self.m5b_3 = ConvBn(192, 64, 1)
        self.block35 = nn.Sequential(*[Block35(0.17) for _ in range(10)])
        self.m6a_0 = ConvBn(320, 384, 3, stride=2)
        self.m6a_1 = nn.Sequential(ConvBn(320, 256, 1), ConvBn(256, 256, 3, same=True), ConvBn(256, 384, 3, stride=2))
        self.block17 = nn.Sequential(*[Block17(0.10) for _ in range(20)])
        self.aux_1b = ConvBn(1088, 128, 1)
        self.aux_2a = ConvBn(128, 768, aux_kernel(size))
        self.aux_logits = nn.Linear(768, num_classes)
        self.m7a_0 = nn.Sequential(ConvBn(1088, 256, 1), ConvBn(256, 384, 3, stride=2))
        self.m7a_1 = nn.Sequential(ConvBn(1088, 256, 1), ConvBn(256, 288, 3, stride=2))
        self.m7a_2 = nn.Sequential(ConvBn(1088, 256, 1), ConvBn(256, 288, 3, same=True), ConvBn(288, 320, 3, stride=2))
        self.block8 = nn.Sequential(*[Block8(0.20) for _ in range(9)], Block8(1.0, activation=False))
        self.conv_7b = ConvBn(2080, 1536, 1)
        self.logits = nn.Linear(1536, num_classes)

    def forward(self, x):
        conv_1a, conv_2a, conv_2b, conv_3b, conv_4a = self.stem
        x = conv_2b(conv_2a(conv_1a(x)))
        x = F.max_pool2d(x, 3, 2)
        x = conv_4a(conv_3b(x))
        x = F.max_pool2d(x, 3, 2)
        pool = F.avg_pool2d(x, 3, 1, 1, count_include_pad=False)
        x = torch.cat([self.m5b_0(x), self.m5b_1(x), self.m5b_2(x), self.m5b_3(pool)], 1)
        x = self.block35(x)
        x = torch.cat([self.m6a_0(x), self.m6a_1(x), F.max_pool2d(x, 3, 2)], 1)
        x = self.block17(x)
        aux = F.avg_pool2d(x, 5, 3)
        aux = self.aux_2a(self.aux_1b(aux))
        aux = self.aux_logits(torch.flatten(aux, 1))
        x = torch.cat([self.m7a_0(x), self.m7a_1(x), self.m7a_2(x), F.max_pool2d(x, 3, 2)], 1)
        x = self.conv_7b(self.block8(x))
        x = torch.flatten(F.avg_pool2d(x, x.shape[2:]), 1)
        x = F.dropout(x, 0.2, self.training)
        return self.logits(x), aux


def status_kib(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1])
    raise RuntimeError(f"/proc/self/status has no {field} line")


def worker(args):
    """One workload in this process, timed call by call on the clocks the C# worker reads."""
    torch.manual_seed(0)
    rss_before = status_kib("VmRSS:")
    if args.workload == "Inference":
        model = InceptionResnetV2(size=args.size).eval()
        image = torch.ones(1, 3, args.size, args.size)

        def step():
            with torch.no_grad():
                model(image)
    else:
        model = InceptionResnetV2(size=args.train_size).train()
        image = torch.ones(1, 3, args.train_size, args.train_size)
        sgd = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)

        def step():
            logits, aux = model(image)
            (logits.sum() + aux.sum()).backward()
            sgd.step()
            # Zeroed, not freed, as TorchSharp's optimizers do (PyTorch 1.13's default too).
            sgd.zero_grad(set_to_none=False)

    for _ in range(args.warmup):
        step()
    wall, cpu, faults = [], [], []
    for _ in range(args.calls):
        fault_start = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        wall_start, cpu_start = time.perf_counter_ns(), time.process_time_ns()
        step()
        cpu.append(time.process_time_ns() - cpu_start)
        wall.append(time.perf_counter_ns() - wall_start)
        faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - fault_start)
    print(json.dumps({
        "side": "PyTorch",
        "engine": f"PyTorch {torch.__version__}",
        "workload": args.workload,
        "threads": torch.get_num_threads(),
        "wall_ns": wall,
        "cpu_ns": cpu,
        "minflt": faults,
        "rss_before_kib": rss_before,
        "peak_rss_kib": status_kib("VmHWM:"),
    }))


WEIGHT_DECAY = 0.00004


def regularized(model):
    """Slim's arg scope regularizes conv and fully connected weights and biases, not batch-norm gamma/beta."""
    return [p for name, p in model.named_parameters() if not name.endswith(("gamma", "beta"))]


def constant(args):
    model = InceptionResnetV2(size=args.size).eval()
    with torch.no_grad():
        for tensor in list(model.parameters()) + list(model.buffers()):
            tensor.fill_(0.001)
        logits, aux = model(torch.ones(1, 3, args.size, args.size))
        # Slim's L2: weight_decay * sum(w^2) / 2 per variable, summed in float64.
        loss = sum(WEIGHT_DECAY * float((p.double() ** 2).sum()) / 2 for p in regularized(model))
    print(json.dumps({
        "size": args.size,
        "logits_first5": logits[0, :5].tolist(),
        "aux_logits_first5": aux[0, :5].tolist(),
        "trainable_element_count": sum(p.numel() for p in model.parameters()),
        "regularized_variable_count": len(regularized(model)),
        "regularization_loss": loss,
    }))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, help="intra-op threads: default 2 for --workload (both sides of every comparison), 1 for --constant")
    parser.add_argument("--calls", type=int, default=5, help="timed calls of --workload")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--size", type=int, default=299)
    parser.add_argument("--train-size", type=int, default=139, help="image size of the training step (batch 1)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--workload", choices=["Inference", "TrainingStep"])
    mode.add_argument("--constant", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads or (1 if args.constant else 2))
    if args.constant:
        constant(args)
    else:
        worker(args)


if __name__ == "__main__":
    main()
