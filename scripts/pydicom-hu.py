#!/usr/bin/env python3
"""Reference HU values from pydicom, to check HemoLab's DICOM reader against an independent one.

  pydicom-hu.py summary FILE...       one line per file: name rows cols sum min max and 4 pixels
  pydicom-hu.py compare DCM F32 ...   pairs of a DICOM and HemoLab's `info --dump-hu` output;
                                      prints the largest absolute difference per pair, exits 1 if
                                      any pair differs by more than 1e-3 HU or in size.

HU = pixel_array * RescaleSlope + RescaleIntercept (float64), as pydicom decodes the pixels.
"""
import sys

import numpy as np
import pydicom


def hu(path):
    ds = pydicom.dcmread(path)
    pixels = ds.pixel_array.astype(np.float64)
    slope = float(getattr(ds, "RescaleSlope", 1) or 1)
    intercept = float(getattr(ds, "RescaleIntercept", 0) or 0)
    return pixels * slope + intercept


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "summary":
        for path in args:
            a = hu(path)
            r, c = a.shape
            picks = [a[0, 0], a[r // 2, c // 2], a[r // 3, (2 * c) // 3], a[r - 1, c - 1]]
            print(path.split("/")[-1], r, c, int(a.sum()), int(a.min()), int(a.max()),
                  " ".join(str(int(v)) for v in picks))
        return 0
    worst = 0.0
    for path, dump in zip(args[0::2], args[1::2]):
        a = hu(path)
        b = np.fromfile(dump, dtype="<f4")
        if b.size != a.size:
            print(f"{path}: size {b.size} != {a.size}")
            return 1
        diff = float(np.abs(a.ravel() - b.astype(np.float64)).max())
        worst = max(worst, diff)
        print(f"{path.split('/')[-1]} {a.size} pixels, max |diff| {diff:g}")
    print(f"worst {worst:g} over {len(args) // 2} files")
    return 0 if worst <= 1e-3 else 1


if __name__ == "__main__":
    sys.exit(main())
