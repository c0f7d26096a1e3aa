#!/usr/bin/python3
"""Writes inception_constant.json: what PyTorch 1.13 computes for Inception-ResNet-v2 when every
parameter and batch-norm statistic is 0.001 and the input is all ones (the validation guide's step 3).

The model is benchmarks/peer/inception_resnet_v2.py, an independent NCHW PyTorch port of TF-Slim's
network; the C# legacy network must reproduce these numbers. Run from anywhere:
    /usr/bin/python3 tests/Parity.Samples.Tests/Fixtures/generate.py
"""
import json
import pathlib
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
PEER = HERE.parents[2] / "benchmarks" / "peer" / "inception_resnet_v2.py"

fixtures = {}
for size in (299, 139):
    result = subprocess.run(["/usr/bin/python3", str(PEER), "--constant", "--size", str(size)], check=True, capture_output=True, text=True)
    fixtures[str(size)] = json.loads(result.stdout)
(HERE / "inception_constant.json").write_text(json.dumps(fixtures, indent=2) + "\n")
