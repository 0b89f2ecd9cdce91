#!/usr/bin/env python3
"""Renders a terminal capture with SGR colours (`tmux capture-pane -e -p`) to a PNG, drawing
block symbols (halves, eighths, quadrants, sextants) geometrically and other text with DejaVu
Sans Mono, so screens can be looked at and measured. Usage: ansi-to-png.py IN.txt OUT.png"""
import re
import sys

from PIL import Image, ImageDraw, ImageFont

CW, CH = 10, 20
BASIC = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
         (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
         (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
STEPS = [0, 95, 135, 175, 215, 255]
DEFAULT_FG, DEFAULT_BG = (210, 210, 210), (20, 20, 20)


def palette(i):
    if i < 16:
        return BASIC[i]
    if i >= 232:
        g = 8 + 10 * (i - 232)
        return (g, g, g)
    c = i - 16
    return (STEPS[c // 36], STEPS[c // 6 % 6], STEPS[c % 6])


def coverage(ch):
    """Rectangles (x0, y0, x1, y1 in cell fractions) a block symbol covers, or None."""
    v = ord(ch)
    q = {'ul': (0, 0, .5, .5), 'ur': (.5, 0, 1, .5), 'll': (0, .5, .5, 1), 'lr': (.5, .5, 1, 1)}
    quads = {0x2596: 'll', 0x2597: 'lr', 0x2598: 'ul', 0x2599: 'ul ll lr', 0x259A: 'ul lr',
             0x259B: 'ul ur ll', 0x259C: 'ul ur lr', 0x259D: 'ur', 0x259E: 'ur ll',
             0x259F: 'ur ll lr'}
    if v == 0x20:
        return []
    if v == 0x2588:
        return [(0, 0, 1, 1)]
    if v == 0x2580:
        return [(0, 0, 1, .5)]
    if 0x2581 <= v <= 0x2587:
        return [(0, 1 - (v - 0x2580) / 8, 1, 1)]
    if 0x2589 <= v <= 0x258F:
        return [(0, 0, (0x2590 - v) / 8, 1)]
    if v == 0x2590:
        return [(.5, 0, 1, 1)]
    if v == 0x2594:
        return [(0, 0, 1, 1 / 8)]
    if v == 0x2595:
        return [(7 / 8, 0, 1, 1)]
    if v in quads:
        return [q[k] for k in quads[v].split()]
    if 0x1FB00 <= v <= 0x1FB3B:
        n = v - 0x1FB00 + 1
        if n >= 21:
            n += 1
        if n >= 42:
            n += 1
        return [((b % 2) / 2, (b // 2) / 3, (b % 2) / 2 + .5, (b // 2 + 1) / 3)
                for b in range(6) if n & (1 << b)]
    return None


def parse(text):
    rows = []
    for line in text.split('\n'):
        fg, bg, rev = None, None, False
        cells = []
        for part in re.split(r'(\x1b\[[0-9;:]*m)', line):
            if part.startswith('\x1b['):
                ps = [int(p) if p else 0 for p in part[2:-1].replace(':', ';').split(';')]
                i = 0
                while i < len(ps):
                    p = ps[i]
                    if p == 0:
                        fg, bg, rev = None, None, False
                    elif p == 7:
                        rev = True
                    elif p == 27:
                        rev = False
                    elif 30 <= p <= 37:
                        fg = BASIC[p - 30]
                    elif 90 <= p <= 97:
                        fg = BASIC[p - 82]
                    elif 40 <= p <= 47:
                        bg = BASIC[p - 40]
                    elif 100 <= p <= 107:
                        bg = BASIC[p - 92]
                    elif p == 39:
                        fg = None
                    elif p == 49:
                        bg = None
                    elif p in (38, 48) and i + 1 < len(ps):
                        if ps[i + 1] == 5 and i + 2 < len(ps):
                            colour = palette(ps[i + 2])
                            i += 2
                        elif ps[i + 1] == 2 and i + 4 < len(ps):
                            colour = tuple(ps[i + 2:i + 5])
                            i += 4
                        else:
                            colour = None
                        if p == 38:
                            fg = colour
                        else:
                            bg = colour
                    i += 1
            else:
                for ch in part:
                    f, b = fg or DEFAULT_FG, bg or DEFAULT_BG
                    cells.append((ch, b, f) if rev else (ch, f, b))
        rows.append(cells)
    return rows


def main():
    rows = parse(open(sys.argv[1], encoding='utf-8').read().rstrip('\n'))
    width = max(len(r) for r in rows)
    img = Image.new('RGB', (width * CW, len(rows) * CH), DEFAULT_BG)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype('/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf', 16)
    for y, row in enumerate(rows):
        for x, (ch, fg, bg) in enumerate(row):
            x0, y0 = x * CW, y * CH
            draw.rectangle([x0, y0, x0 + CW - 1, y0 + CH - 1], fill=bg)
            rects = coverage(ch)
            if rects is None:
                draw.text((x0, y0 + 1), ch, fill=fg, font=font)
                continue
            for (a, b, c, d) in rects:
                draw.rectangle([x0 + round(a * CW), y0 + round(b * CH),
                                x0 + round(c * CW) - 1, y0 + round(d * CH) - 1], fill=fg)
    img.save(sys.argv[2])


if __name__ == '__main__':
    main()
