"""Writes the .npz fixtures that CheckpointInteropTests load, using real NumPy.

Run from this folder with Debian's Python (the one that has numpy):
    /usr/bin/python3 make_fixtures.py
The values follow simple formulas that the C# tests restate, so the tests do not depend on
reading the fixtures to know what they should contain.
"""
import io
import zipfile

import numpy as np


def reference_arrays():
    return {
        "dense/kernel": np.arange(12, dtype=np.float32).reshape(3, 4) * 0.25 - 1,
        "dense/bias": np.array([1.5, -2.25, 1e-300, np.pi], dtype=np.float64),
        "counts": np.arange(6, dtype=np.int32).reshape(2, 3, 1) - 2,
        "global_step": np.array(2**40 + 7, dtype=np.int64),
        "empty": np.zeros((0, 3), dtype=np.float32),
    }


def write_single(path, name, array, version=None):
    """Writes a one-entry .npz; `version` forces a .npy format version numpy would not pick itself."""
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, version=version, allow_pickle=False)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(name + ".npy", buffer.getvalue())


def main():
    arrays = reference_arrays()
    np.savez("reference.npz", **arrays)
    np.savez_compressed("reference_compressed.npz", **arrays)
    write_single("version2.npz", "w", np.arange(5, dtype=np.float64), version=(2, 0))
    # Arrays Parity must refuse with a clear message.
    np.savez("fortran_order.npz", w=np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3)))
    np.savez("big_endian.npz", w=np.arange(4, dtype=">f4"))
    np.savez("complex.npz", w=np.arange(4, dtype=np.complex64))


if __name__ == "__main__":
    main()
