"""The images a member hands to an edit, checked before anything is spent.

An attachment is only bytes someone uploaded: its name and its declared type prove nothing.
Each input is sniffed by its content (PNG, JPEG or WebP), its pixel count is read from the
header before anything is decoded (a decompression bomb is a small file that decodes to
gigabytes), and it is then decoded once in full to prove it is whole. A mask must be a PNG with
an alpha channel of the first image's size, as the gateway demands. What the model does not take
is converted to PNG. All of it is CPU work: call `prepare_input` and `prepare_mask` in a worker
thread, never on the event loop.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Collection
from dataclasses import dataclass

from PIL import Image

from bot.catalog import EditInput
from bot.image_format import detect_image_format

# Pixels an input may decode to: above any size a gateway takes, far below what hurts (a 64 MP
# RGBA image is 256 MB decoded).
MAX_INPUT_PIXELS = 64_000_000


class InputRefused(Exception):
    """An input image or mask the edit cannot take; each subclass is one reason (data only)."""


@dataclass(eq=False)
class InputTooLarge(InputRefused):
    filename: str
    size: int
    limit: int


@dataclass(eq=False)
class NotAnImage(InputRefused):
    """Not PNG, JPEG or WebP by its bytes, or cut short / unreadable."""

    filename: str


@dataclass(eq=False)
class TooManyPixels(InputRefused):
    filename: str
    pixels: int
    limit: int


@dataclass(eq=False)
class BadMask(InputRefused):
    """The mask is not a PNG, has no alpha channel, or is not the first image's size."""

    reason: str  # "not_png", "no_alpha" or "size"


@dataclass(eq=False)
class Unreadable(InputRefused):
    """Discord did not hand over the attachment's bytes (a fault, or fewer than it declared)."""

    filename: str


def check_size(filename: str, size: int, limit: int) -> None:
    """Refuse an attachment by its declared size, before a byte of it is read."""
    if size > limit:
        raise InputTooLarge(filename, size, limit)


def prepare_input(
    filename: str, data: bytes, formats: Collection[str], pixel_limit: int = MAX_INPUT_PIXELS
) -> EditInput:
    """The input as the gateway may take it; raises `InputRefused`. Blocking: run in a thread."""
    image_format = detect_image_format(data)
    if image_format is None:
        raise NotAnImage(filename)
    image = _open(filename, data, pixel_limit)
    if image_format in formats:
        return EditInput(data, image_format, image.width, image.height)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return EditInput(buffer.getvalue(), "png", image.width, image.height)


def prepare_mask(
    filename: str, data: bytes, first: EditInput, pixel_limit: int = MAX_INPUT_PIXELS
) -> EditInput:
    """A PNG with alpha, of the first image's size; raises `InputRefused`. Run in a thread."""
    if detect_image_format(data) != "png":
        raise BadMask("not_png")
    image = _open(filename, data, pixel_limit)
    if "A" not in image.getbands() and "transparency" not in image.info:
        raise BadMask("no_alpha")
    if image.size != (first.width, first.height):
        raise BadMask("size")
    return EditInput(data, "png", image.width, image.height)


def _open(filename: str, data: bytes, pixel_limit: int) -> Image.Image:
    """Decode after checking the header's pixel count: the whole file, so a cut one fails."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            pixels = image.width * image.height
            if pixels > pixel_limit:
                raise TooManyPixels(filename, pixels, pixel_limit)
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise TooManyPixels(filename, 0, pixel_limit) from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise NotAnImage(filename) from None
    return image
