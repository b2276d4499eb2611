"""A bar chart as a PNG image, drawn pixel by pixel with the standard library only (zlib, struct).

Small on purpose: a white canvas, a baseline, one bar per figure (the tallest highlighted), each with its
number [1], [2]… under it (the citations below the image use the same numbers) and a short value label above.
Labels use a 5×7 bitmap font scaled 2×, so the image needs no font files and reads the same everywhere.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from bot.charts.font import HEIGHT, WIDTH, drawable, glyph

Colour = tuple[int, int, int]
WHITE: Colour = (255, 255, 255)
INK: Colour = (40, 44, 52)
GRID: Colour = (220, 223, 228)
BAR: Colour = (88, 101, 242)
BAR_TOP: Colour = (241, 196, 15)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Bar:
    """One bar: its height (any unit, all bars the same), the label above it and the number under it."""

    value: float
    label: str
    number: int


class Canvas:
    """An RGB pixel buffer."""

    def __init__(self, width: int, height: int, background: Colour = WHITE) -> None:
        self.width = width
        self.height = height
        self.rows = [bytearray(bytes(background) * width) for _ in range(height)]

    def rect(self, x0: int, y0: int, x1: int, y1: int, colour: Colour) -> None:
        """Fill the rectangle [x0, x1) × [y0, y1), clipped to the canvas."""
        x0, x1 = max(0, x0), min(self.width, x1)
        y0, y1 = max(0, y0), min(self.height, y1)
        if x0 >= x1:
            return
        run = bytes(colour) * (x1 - x0)
        for y in range(y0, y1):
            self.rows[y][x0 * 3 : x1 * 3] = run

    def text(self, x: int, y: int, text: str, colour: Colour = INK, scale: int = 2) -> None:
        """Draw text with its top-left corner at (x, y)."""
        for char in drawable(text):
            for row, bits in enumerate(glyph(char)):
                for col, bit in enumerate(bits):
                    if bit == "#":
                        self.rect(
                            x + col * scale,
                            y + row * scale,
                            x + (col + 1) * scale,
                            y + (row + 1) * scale,
                            colour,
                        )
            x += (WIDTH + 1) * scale

    @staticmethod
    def text_width(text: str, scale: int = 2) -> int:
        """How wide text is drawn."""
        return len(drawable(text)) * (WIDTH + 1) * scale

    def png(self) -> bytes:
        """The canvas encoded as a PNG file (8-bit RGB, no filter)."""
        raw = b"".join(b"\x00" + bytes(row) for row in self.rows)

        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (
            PNG_SIGNATURE
            + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b"")
        )


def bar_chart(bars: Sequence[Bar], *, width: int = 800, height: int = 400, scale: int = 2) -> bytes:
    """The bars as a PNG image (an empty baseline when there are none)."""
    canvas = Canvas(width, height)
    label_h = HEIGHT * scale
    top, bottom, left, right = label_h * 2 + 8, label_h + 16, 16, 16
    plot_h = height - top - bottom
    base = top + plot_h
    for step in range(1, 5):  # light gridlines at quarters of the tallest bar
        y = base - plot_h * step // 4
        canvas.rect(left, y, width - right, y + 1, GRID)
    canvas.rect(left, base, width - right, base + 2, INK)
    tallest = max((b.value for b in bars), default=0.0)
    if not bars or tallest <= 0:
        return canvas.png()
    slot = (width - left - right) / len(bars)
    bar_w = max(2, int(slot * 0.7))
    for i, bar in enumerate(bars):
        x = int(left + i * slot + (slot - bar_w) / 2)
        h = max(1, round(plot_h * max(bar.value, 0.0) / tallest))
        canvas.rect(x, base - h, x + bar_w, base, BAR_TOP if bar.value == tallest else BAR)
        centre = x + bar_w // 2
        number = f"[{bar.number}]"
        canvas.text(centre - Canvas.text_width(number, scale) // 2, base + 8, number, scale=scale)
        label = bar.label
        while label and Canvas.text_width(label, scale) > slot:
            label = label[:-1]
        canvas.text(centre - Canvas.text_width(label, scale) // 2, base - h - label_h - 6, label, scale=scale)
    return canvas.png()
