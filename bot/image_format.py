"""Recognise the image formats Discord can show, by their bytes rather than by what a server claims.

A gateway or a download can label anything ``image/png``; the file signature is the only thing
that decides whether a payload is an image we may post. The completeness check catches the common
failure of a payload cut short in transit, which still starts with a valid signature.
"""

from __future__ import annotations

import struct

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_TRAILER = b"IEND\xaeB`\x82"
_JPEG_SOI = b"\xff\xd8\xff"
_JPEG_EOI = b"\xff\xd9"
_RIFF_HEADER_SIZE = 12

MIME_TYPES: dict[str, str] = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}
"""Format name (as returned by :func:`detect_image_format`) to its media type."""


def detect_image_format(data: bytes) -> str | None:
    """Return ``"png"``, ``"jpeg"`` or ``"webp"`` from the file signature, else ``None``."""
    if data.startswith(_PNG_SIGNATURE):
        return "png"
    if data.startswith(_JPEG_SOI):
        return "jpeg"
    if len(data) >= _RIFF_HEADER_SIZE and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def looks_complete(data: bytes, image_format: str) -> bool:
    """Whether a payload of ``image_format`` ends where its own structure says it should.

    Cheap structural check, not a decode: PNG must end with its IEND chunk, JPEG must contain an
    end-of-image marker near the end, WebP's RIFF size must match the payload length.
    """
    if image_format == "png":
        return data.endswith(_PNG_TRAILER)
    if image_format == "jpeg":
        return _JPEG_EOI in data[-64:]
    if image_format == "webp":
        (riff_size,) = struct.unpack_from("<I", data, 4)
        return bool(riff_size + 8 == len(data))
    return False


def complete_image_format(data: bytes) -> str | None:
    """The format of ``data`` if it has a known signature and is not cut short, else ``None``."""
    image_format = detect_image_format(data)
    if image_format is None or not looks_complete(data, image_format):
        return None
    return image_format
