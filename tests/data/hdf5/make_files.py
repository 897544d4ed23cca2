"""Writes the HDF5 layout test files with h5py (run: python3 make_files.py; Debian bookworm's python3-h5py 3.7, HDF5 1.10.8).

Every value is a simple function of its index so the C# tests can recompute it.
"""
import h5py
import numpy as np


def ramp(shape, dtype):
    return (np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape) * 0.5 - 3).astype(dtype)


def fill(f):
    g = f.create_group("layers/dense/vars")
    g.attrs["name"] = "dense"                                   # variable-length UTF-8 string
    g.attrs["weight_names"] = np.array([b"dense/kernel:0", b"dense/bias:0"])  # fixed-length string array
    g.attrs["empty"] = np.zeros((0,), np.float64)               # what Keras 2 writes for weightless layers
    f.create_dataset("layers/dense/vars/0", data=ramp((7, 5), "<f4"), chunks=(3, 2), compression="gzip", shuffle=True, fletcher32=True)
    f.create_dataset("layers/dense/vars/1", data=ramp((5,), ">f8"))                 # contiguous, big-endian
    f.create_dataset("layers/dense/vars/2", data=ramp((4, 3), "<f4"), chunks=(4, 3), fletcher32=True)
    f.create_dataset("layers/dense/vars/3", data=ramp((2, 3), "<f4"), compression="gzip", chunks=(1, 3))
    f.create_dataset("optimizer/vars/0", data=np.int64(1234567890123))             # scalar int64
    f.create_dataset("optimizer/vars/1", data=np.float32(0.001))
    f.create_dataset("ints", data=np.arange(6, dtype=">i4").reshape(2, 3))
    f.create_dataset("counters", data=np.array([2**63 + 5, 7], dtype="<u8"))


with h5py.File("earliest.h5", "w") as f:
    fill(f)

with h5py.File("latest.h5", "w", libver="latest") as f:
    fill(f)
    dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    dcpl.set_layout(h5py.h5d.COMPACT)
    space = h5py.h5s.create_simple((3, 2))
    ds = h5py.h5d.create(f.id, b"compact", h5py.h5t.IEEE_F32LE, space, dcpl=dcpl)
    ds.write(h5py.h5s.ALL, h5py.h5s.ALL, ramp((3, 2), "<f4"))

# Dense storage (libver='latest'): more than 8 links or attributes go to a fractal heap indexed by
# a version 2 B-tree; 60 links make the name index two levels deep; a 100 KB attribute is a "huge" object.
with h5py.File("dense.h5", "w", libver="latest") as f:
    g = f.create_group("optimizer/vars")
    for i in range(60):
        g.create_dataset(str(i), data=np.full((2,), i, dtype="<f4"))
    for i in range(20):
        g.attrs["a%d" % i] = "value %d" % i
    f.attrs["model_config"] = np.bytes_(b"x" * 100000)  # fixed-length, so the 100 KB live in the heap

# Unlimited dimensions (libver='latest'): one unlimited dimension gives an extensible array chunk
# index, two give a version 2 B-tree (record type 10 unfiltered, 11 filtered).
with h5py.File("unlimited.h5", "w", libver="latest") as f:
    f.create_dataset("earray", data=ramp((9, 3), "<f4"), chunks=(2, 3), maxshape=(None, 3))
    f.create_dataset("earray_gzip", data=ramp((40, 3), "<f4"), chunks=(2, 3), maxshape=(None, 3), compression="gzip")
    f.create_dataset("earray_dim1", data=ramp((3, 18), "<f4"), chunks=(3, 2), maxshape=(3, None))  # unlimited second dimension
    f.create_dataset("earray_long", data=ramp((600, 2), "<f4"), chunks=(1, 2), maxshape=(None, 2))  # 600 chunks: a super block
    f.create_dataset("btree", data=ramp((7, 5), "<f4"), chunks=(2, 2), maxshape=(None, None))
    f.create_dataset("btree_gzip", data=ramp((7, 5), "<f4"), chunks=(2, 2), maxshape=(None, None), compression="gzip", fletcher32=True)
