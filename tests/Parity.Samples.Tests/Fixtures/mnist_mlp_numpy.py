"""The MNIST MLP's forward pass in NumPy, the peer the TorchSharp port is checked against.

    /usr/bin/python3 mnist_mlp_numpy.py WEIGHTS.npz INPUT.npz OUT.npz
WEIGHTS.npz holds the checkpoint's tensors under their TF names (as tf_bundle_to_npz.py writes them);
INPUT.npz holds `images` [batch, 784]. Writes `logits` [batch, 10]: relu(x w1 + b1), relu(. w2 + b2),
then . w3 + b3, as the TF1 model computes them.
"""
import sys

import numpy as np

weights = np.load(sys.argv[1])
x = np.load(sys.argv[2])["images"]
for layer in ("h1", "h2"):
    x = np.maximum(x @ weights[layer + "/w"] + weights[layer + "/b"], 0)
np.savez(sys.argv[3], logits=x @ weights["output/w"] + weights["output/b"])
