#!/usr/bin/env python3
"""Crops HemoLab's image out of an xterm screenshot and correlates it with its source (see
xterm-sixel-check.sh). show: the screenshot's image at the top-left against the slice's HU
windowed 40/80 here, independently of HemoLab (or the kitty payload for a synthetic slice).
lesson: the largest image the graphics layer drew last (HEMOLAB_GRAPHICS_DUMP) against the
screenshot at its cell rectangle. Prints the numbers; exits 1 below 0.9."""
import base64
import re
import sys

import numpy as np
from PIL import Image

THRESHOLD = 0.9


def luma(a):
    a = a.astype(np.float64)
    return 0.299 * a[..., 0] + 0.587 * a[..., 1] + 0.114 * a[..., 2]


def correlate(crop, source, name, out):
    ref = np.asarray(Image.fromarray(source).resize(crop.shape[1::-1], Image.BILINEAR))
    r = np.corrcoef(luma(crop).ravel(), luma(ref).ravel())[0, 1]
    Image.fromarray(np.concatenate([crop, ref], axis=1)).save(f'{out}/{name}-side-by-side.png')
    # Control: the same crop against the source moved by one cell (9 px), what a misplaced image
    # would score; the threshold must separate the two.
    shift = np.roll(ref, 9, axis=1)
    control = np.corrcoef(luma(crop).ravel(), luma(shift).ravel())[0, 1]
    print(f'xterm-check: {name}: crop {crop.shape[1]}x{crop.shape[0]} px, correlation {r:.4f}'
          f' (threshold {THRESHOLD}; one cell off: {control:.4f})')
    return r >= THRESHOLD


def main():
    kind, out = sys.argv[1], sys.argv[2]
    ox, oy, ow, oh = map(int, sys.argv[3:7])
    if kind == 'show':
        shot = np.asarray(Image.open(f'{out}/show.png').convert('RGB'))
        # The image starts at the window's inside; it ends where the white background resumes.
        region = shot[oy:oy + oh, ox:ox + ow]
        dark = (luma(region) < 250)
        rows = np.where(dark.any(axis=1))[0]
        cols = np.where(dark.any(axis=0))[0]
        crop = region[:rows.max() + 1, :cols.max() + 1]
        if len(sys.argv) > 7 and sys.argv[7]:
            w, h = map(int, sys.argv[7].split())
            hu = np.fromfile(f'{out}/slice.f32', '<f4').reshape(h, w)
            grey = (np.clip((hu - (40 - 40)) / 80, 0, 1) * 255).round().astype(np.uint8)
            source = np.stack([grey] * 3, axis=-1)
        else:
            text = open(f'{out}/show.kitty').read()
            first = re.search(r'\x1b_G([^;\x1b]*)', text).group(1)
            keys = dict(kv.split('=') for kv in first.split(','))
            data = b''.join(base64.b64decode(p) for p in
                            re.findall(r'\x1b_Gm=[01];([^\x1b]*)\x1b\\', text))
            source = np.frombuffer(data, np.uint8).reshape(int(keys['v']), int(keys['s']), 4)[..., :3]
        ok = correlate(crop, source, 'show', out)
    else:
        shot = np.asarray(Image.open(f'{out}/inspect.png').convert('RGB'))
        lines = [l.split() for l in open(f'{out}/dump/placements.txt')]
        # The inspect viewer: the largest image drawn, the last time it was drawn.
        best = max(lines, key=lambda l: (int(l[3]) * int(l[4]), int(l[0])))
        n, x, y, cols, rows, cw, ch = map(int, best)
        source = np.asarray(Image.open(f'{out}/dump/{n}.png').convert('RGB'))
        crop = shot[oy + y * ch: oy + (y + rows) * ch, ox + x * cw: ox + (x + cols) * cw]
        ok = correlate(crop, source, 'inspect-viewer', out)
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
