"""Fit generated images under Discord's upload limits by re-encoding them with Pillow.

Discord refuses a file over the interaction's `attachment_size_limit` (413, code 40005) and a
message over 25 MiB in total. An image that is too large is re-encoded as WebP at falling quality,
then scaled down, until it fits its share. Pillow is CPU-bound, so callers run this in a thread.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

from PIL import Image

MESSAGE_LIMIT = 25 * 1024 * 1024
_QUALITIES = (90, 80, 70, 60, 50)
_SCALES = (1.0, 0.75, 0.5, 0.35, 0.25)


class FitError(Exception):
    """An image could not be made small enough; it should not happen for real images."""


@dataclass(frozen=True)
class FittedImage:
    data: bytes
    format: str
    reencoded: bool

    @property
    def extension(self) -> str:
        return "jpg" if self.format == "jpeg" else self.format


def fit_images(
    images: list[tuple[bytes, str]], file_limit: int, message_limit: int = MESSAGE_LIMIT
) -> list[FittedImage]:
    """Return the images, each re-encoded only if needed to fit `file_limit` and its message share.

    `images` are (bytes, format) pairs; formats are "png", "jpeg" or "webp".
    """
    share = file_share(len(images), file_limit, message_limit)
    return [_fit_one(data, image_format, share) for data, image_format in images]


def file_share(count: int, file_limit: int, message_limit: int = MESSAGE_LIMIT) -> int:
    """The most bytes each of `count` files may have: under an image's share, none is re-encoded,
    so a caller can skip the thread that fitting needs."""
    return min(file_limit, message_limit // max(count, 1))


def shrink(images: list[FittedImage]) -> list[FittedImage]:
    """Halve every image's size: Discord refused an upload the stated limit should have allowed."""
    return [
        replace(smaller, reencoded=True)
        for smaller in (
            _fit_one(image.data, image.format, len(image.data) // 2) for image in images
        )
    ]


def _fit_one(data: bytes, image_format: str, limit: int) -> FittedImage:
    if len(data) <= limit:
        return FittedImage(data, image_format, reencoded=False)
    with Image.open(io.BytesIO(data)) as original:
        original.load()
        source = original.convert("RGBA" if _has_alpha(original) else "RGB")
    for scale in _SCALES:
        resized = source if scale == 1.0 else _scaled(source, scale)
        for quality in _QUALITIES:
            encoded = _encode_webp(resized, quality)
            if len(encoded) <= limit:
                return FittedImage(encoded, "webp", reencoded=True)
    raise FitError(f"could not fit a {source.width}x{source.height} image under {limit} bytes")


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


def _scaled(image: Image.Image, scale: float) -> Image.Image:
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


def _encode_webp(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="WEBP", quality=quality, method=4)
    return buffer.getvalue()
