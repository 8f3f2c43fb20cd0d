#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Renders the proctor-admin icon (the shapes of proctor-admin.svg) into the raster formats the Windows and
macOS installers need, with the standard library only:

  installer/windows/proctor-admin.ico    PNG-compressed entries 16..256 px
  installer/macos/proctor-admin.icns     PNG-compressed entries 16..512 px

Run it after changing proctor-admin.svg (keep the shapes below in step): python3 make-icons.py
"""
import math
import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SS = 3  # supersampling per axis


def hex_rgb(h):
    return tuple(int(h[i:i + 2], 16) for i in (1, 3, 5))


def in_round_rect(x, y, rx, ry, w, h, r):
    if x < rx or y < ry or x > rx + w or y > ry + h:
        return False
    cx = min(max(x, rx + r), rx + w - r)
    cy = min(max(y, ry + r), ry + h - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


# (test, colour) painted in order, in the SVG's 128x128 coordinates
SHAPES = [
    (lambda x, y: in_round_rect(x, y, 8, 8, 112, 112, 24), hex_rgb("#1f4e79")),
    (lambda x, y: in_round_rect(x, y, 30, 26, 68, 80, 8), hex_rgb("#ffffff")),
    (lambda x, y: in_round_rect(x, y, 42, 40, 44, 6, 3), hex_rgb("#1f4e79")),
    (lambda x, y: in_round_rect(x, y, 42, 54, 32, 6, 3), hex_rgb("#9db7d3")),
    (lambda x, y: in_round_rect(x, y, 42, 68, 38, 6, 3), hex_rgb("#9db7d3")),
    (lambda x, y: (x - 84) ** 2 + (y - 88) ** 2 <= 16 * 16, hex_rgb("#2e9d5b")),
    (lambda x, y: min(seg_dist(x, y, 76, 88, 82, 94), seg_dist(x, y, 82, 94, 92, 82)) <= 2.5, hex_rgb("#ffffff")),
]


def render(size):
    scale = 128.0 / size
    rows = []
    for py in range(size):
        row = bytearray(b"\0")  # PNG filter byte
        for px in range(size):
            r = g = b = a = 0.0
            for sy in range(SS):
                for sx in range(SS):
                    x = (px + (sx + 0.5) / SS) * scale
                    y = (py + (sy + 0.5) / SS) * scale
                    colour = None
                    for test, c in SHAPES:
                        if test(x, y):
                            colour = c
                    if colour:
                        r += colour[0]
                        g += colour[1]
                        b += colour[2]
                        a += 1
            n = SS * SS
            if a:
                row += bytes((round(r / a), round(g / a), round(b / a), round(255 * a / n)))
            else:
                row += b"\0\0\0\0"
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(images):
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, data = b"", b""
    for size, blob in images:
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset + len(data))
        data += blob
    return head + entries + data


def icns(images):
    types = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}
    body = b"".join(types[s] + struct.pack(">I", 8 + len(b)) + b for s, b in images)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main():
    cache = {}
    def get(s):
        if s not in cache:
            print("rendering %dx%d" % (s, s), file=sys.stderr)
            cache[s] = render(s)
        return cache[s]
    win = os.path.join(HERE, "..", "windows", "proctor-admin.ico")
    mac = os.path.join(HERE, "..", "macos", "proctor-admin.icns")
    with open(win, "wb") as f:
        f.write(ico([(s, get(s)) for s in (16, 24, 32, 48, 64, 128, 256)]))
    with open(mac, "wb") as f:
        f.write(icns([(s, get(s)) for s in (16, 32, 64, 128, 256, 512)]))
    print("wrote %s and %s" % (os.path.normpath(win), os.path.normpath(mac)))


if __name__ == "__main__":
    main()
