"""Writes random_streams.json: what RandomOps must draw for a few (tool seed, operation seed) pairs.

Run from this folder with Debian's Python (the one that has torch):
    /usr/bin/python3 make_fixtures.py
The documented contract is: one torch CPU generator per random op, seeded with
SplitMix64-mix(seed, operation seed), drawing float64 uniforms in [0, 1) in C order; normals are
sqrt(2)·erfinv(2u − 1), truncated normals use 2u − 1 scaled into [−erf(√2), erf(√2)].
PyTorch's own generator and erfinv produce the expected values here.
"""
import json
import math

import torch

MASK = (1 << 64) - 1


def combine(seed, operation):
    z = seed ^ ((operation * 0x9E3779B97F4A7C15) & MASK)
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def uniforms(seed, operation, count):
    generator = torch.Generator().manual_seed(combine(seed, operation))
    return torch.rand(count, dtype=torch.float64, generator=generator)


def main():
    cases = []
    for seed, operation in [(42, 0), (42, 1), (7, 3)]:
        u = uniforms(seed, operation, 6)
        below_one = math.nextafter(1.0, 0.0)
        normal = math.sqrt(2.0) * torch.erfinv(torch.clamp(2.0 * u - 1.0, -below_one, below_one))
        half_width = math.erf(math.sqrt(2.0))
        truncated = math.sqrt(2.0) * torch.erfinv(torch.clamp((2.0 * half_width) * u - half_width, -below_one, below_one))
        cases.append({
            "seed": seed,
            "operation": operation,
            "generator_seed": str(combine(seed, operation)),
            "uniform": u.tolist(),
            "normal": normal.tolist(),
            "truncated_normal": truncated.tolist(),
        })
    with open("random_streams.json", "w") as out:
        json.dump(cases, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
