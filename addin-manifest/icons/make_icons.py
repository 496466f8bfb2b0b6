#!/usr/bin/env python3
"""Draws the add-in's follow-up glyph (an envelope with a clock badge) as PNGs, standard library only.

Run from the repository root: python3 addin-manifest/icons/make_icons.py
Writes api/wwwroot/assets/*.png; the output is deterministic, so a re-run changes no committed byte.
"""
import math
import os
import struct
import zlib

BLUE = (0x0F, 0x6C, 0xBD)
WHITE = (0xFF, 0xFF, 0xFF)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "api", "wwwroot", "assets")
SUPERSAMPLE = 4  # 4x4 samples per pixel give smooth edges without any image library

# Glyph geometry in unit coordinates (0..1, y down).
ENV = (0.06, 0.18, 0.82, 0.74)  # envelope left, top, right, bottom
ENV_RADIUS = 0.07
STROKE = 0.075
CLOCK = (0.72, 0.71, 0.25)  # centre x, centre y, radius
GAP = 0.06  # transparent ring that separates the badge from the envelope


def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def rounded_rect_dist(px, py, rect, r):
    """Signed distance to a rounded rectangle (negative inside)."""
    l, t, rt, b = rect
    cx, cy = (l + rt) / 2, (t + b) / 2
    hx, hy = (rt - l) / 2 - r, (b - t) / 2 - r
    qx, qy = abs(px - cx) - hx, abs(py - cy) - hy
    return math.hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r


def sample(x, y):
    """Returns 'ink', 'hole' or None for one point: ink is the glyph colour, hole is the badge's cut-out detail."""
    cx, cy, cr = CLOCK
    d_clock = math.hypot(x - cx, y - cy)
    if d_clock <= cr:
        hands = min(seg_dist(x, y, cx, cy, cx, cy - cr * 0.62), seg_dist(x, y, cx, cy, cx + cr * 0.5, cy))
        return "hole" if hands <= STROKE * 0.42 else "ink"
    if d_clock <= cr + GAP:
        return None
    l, t, r, b = ENV
    on_edge = abs(rounded_rect_dist(x, y, ENV, ENV_RADIUS)) <= STROKE / 2
    mid = ((l + r) / 2, t + (b - t) * 0.55)
    on_flap = min(seg_dist(x, y, l + 0.04, t + 0.04, *mid), seg_dist(x, y, r - 0.04, t + 0.04, *mid)) <= STROKE / 2
    return "ink" if on_edge or on_flap else None


def render(size, ink, hole):
    """RGBA rows; hole=None makes the badge details transparent."""
    rows = []
    n = SUPERSAMPLE
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(n):
                for sx in range(n):
                    kind = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)
                    colour = ink if kind == "ink" else hole if kind == "hole" else None
                    if colour is not None:
                        acc[0] += colour[0]
                        acc[1] += colour[1]
                        acc[2] += colour[2]
                        acc[3] += 1
            covered = acc[3]
            if covered == 0:
                row += bytes(4)
            else:
                row += bytes([round(acc[0] / covered), round(acc[1] / covered), round(acc[2] / covered), round(255 * covered / (n * n))])
        rows.append(bytes(row))
    return rows


def write_png(path, size, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + r for r in rows)  # filter type 0 on every scanline
    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    os.makedirs(OUT, exist_ok=True)
    # 16–128 for desktop ribbons; 25, 48, 50, 75, 96 and 144 for the mobile buttons (25, 32 and 48 points at 1x, 2x, 3x).
    for size in (16, 25, 32, 48, 50, 64, 75, 80, 96, 128, 144):
        write_png(os.path.join(OUT, f"icon-{size}.png"), size, render(size, BLUE, WHITE))
    write_png(os.path.join(OUT, "color-192.png"), 192, render(192, BLUE, WHITE))
    # The unified manifest's outline icon must be white on transparent.
    write_png(os.path.join(OUT, "outline-32.png"), 32, render(32, WHITE, None))


if __name__ == "__main__":
    main()
