"""A second, independent reader of TF name-based checkpoints (tensor bundle V2), in Python.

The C# tests compare Parity's reader against this one bit for bit on checkpoints TensorFlow wrote.
It shares no code with Parity and needs only NumPy (no TensorFlow):
    /usr/bin/python3 tf_bundle_to_npz.py PREFIX OUT.npz
It walks the .index table (footer, index block, data blocks with prefix-compressed keys), decodes
the protocol buffers by hand, checks every block's and tensor's masked CRC-32C, and saves every
tensor under its TF name with the stored dtype and shape.
"""
import struct
import sys

import numpy as np

TABLE_MAGIC = 0xDB4775248B80FB57
DTYPES = {1: "<f4", 2: "<f8", 3: "<i4", 4: "|u1", 5: "<i2", 6: "|i1", 9: "<i8", 10: "|b1", 19: "<f2"}


def crc32c(data):
    # Bitwise CRC-32C (Castagnoli, reflected): slow but obviously right; fixtures are small.
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def masked(crc):
    return ((((crc >> 15) | (crc << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def varint(data, pos):
    value, shift = 0, 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def block(data, offset, size):
    contents = data[offset:offset + size]
    kind = data[offset + size]
    (stored,) = struct.unpack_from("<I", data, offset + size + 1)
    assert kind == 0, "compressed block"
    assert masked(crc32c(contents + bytes([kind]))) == stored, "block checksum"
    return contents


def block_entries(contents):
    (restarts,) = struct.unpack_from("<I", contents, len(contents) - 4)
    end = len(contents) - 4 - 4 * restarts
    pos, key = 0, b""
    while pos < end:
        shared, pos = varint(contents, pos)
        unshared, pos = varint(contents, pos)
        length, pos = varint(contents, pos)
        key = key[:shared] + contents[pos:pos + unshared]
        pos += unshared
        yield key, contents[pos:pos + length]
        pos += length


def table(data):
    footer = data[-48:]
    assert struct.unpack_from("<Q", footer, 40)[0] == TABLE_MAGIC, "table magic"
    _, pos = varint(footer, 0)
    _, pos = varint(footer, pos)
    index_offset, pos = varint(footer, pos)
    index_size, _ = varint(footer, pos)
    for _, handle in block_entries(block(data, index_offset, index_size)):
        offset, pos = varint(handle, 0)
        size, _ = varint(handle, pos)
        yield from block_entries(block(data, offset, size))


def fields(message):
    """Yields (field number, value) with varints as ints, fixed32 as ints and length-delimited as bytes."""
    pos = 0
    while pos < len(message):
        tag, pos = varint(message, pos)
        number, wire = tag >> 3, tag & 7
        if wire == 0:
            value, pos = varint(message, pos)
        elif wire == 5:
            (value,) = struct.unpack_from("<I", message, pos)
            pos += 4
        elif wire == 1:
            (value,) = struct.unpack_from("<Q", message, pos)
            pos += 8
        elif wire == 2:
            length, pos = varint(message, pos)
            value = message[pos:pos + length]
            pos += length
        else:
            raise ValueError("unexpected wire type %d" % wire)
        yield number, value


def shape(message):
    dims = []
    for number, value in fields(message):
        if number == 2:
            dims.append(dict(fields(value)).get(1, 0))
    return tuple(dims)


def read(prefix):
    with open(prefix + ".index", "rb") as index:
        data = index.read()
    entries = list(table(data))
    header = dict(fields(entries[0][1]))
    shards = header.get(1, 0)
    tensors = {}
    for key, value in entries[1:]:
        entry = {1: 0, 2: b"", 3: 0, 4: 0, 5: 0, 6: 0}
        entry.update(fields(value))
        dtype = np.dtype(DTYPES[entry[1]])
        path = "%s.data-%05d-of-%05d" % (prefix, entry[3], shards)
        with open(path, "rb") as shard:
            shard.seek(entry[4])
            raw = shard.read(entry[5])
        assert masked(crc32c(raw)) == entry[6], "tensor checksum of " + key.decode()
        tensors[key.decode()] = np.frombuffer(raw, dtype=dtype).reshape(shape(entry[2]))
    return tensors


if __name__ == "__main__":
    np.savez(sys.argv[2], **read(sys.argv[1]))
