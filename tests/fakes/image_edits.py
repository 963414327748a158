"""The fake gateway's ``POST /images/edits``: the multipart body parsed and checked as OpenAI does.

OpenAI's ``CreateImageEditRequest`` (in ``tests/fakes/specs``) gives the field names and types;
the rules it states in prose are checked here: each ``image`` (sent as ``image`` or ``image[]``,
at most 16) a PNG, WEBP or JPEG under 50 MB by its bytes, a ``mask`` a PNG with an alpha channel
of the first image's size, and only models that edit (dall-e-2 and the GPT image models).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aiohttp import BodyPartReader, web
from PIL import Image

from bot.image_format import detect_image_format
from tests.fakes.specs import OPENAI_SPEC, load_spec

MAX_IMAGES = 16
MAX_IMAGE_BYTES = 50 * 1024 * 1024
MAX_BODY = MAX_IMAGES * MAX_IMAGE_BYTES + 16 * 1024 * 1024
EDIT_MODELS = frozenset(
    {"openai/dall-e-2", "openai/gpt-image-1", "openai/gpt-image-1-mini", "openai/gpt-image-1.5"}
)
_INTEGER_FIELDS = frozenset({"n", "output_compression", "partial_images"})
_BOOLEAN_FIELDS = frozenset({"stream"})


@dataclass(frozen=True)
class EditFile:
    """One file part of an edit request as it arrived."""

    field: str
    filename: str | None
    content_type: str
    data: bytes


@dataclass(frozen=True)
class EditUpload:
    """An edit request's text fields (as JSON would carry them) and its files."""

    fields: dict[str, Any]
    images: tuple[EditFile, ...]
    mask: EditFile | None


class EditError(Exception):
    """A 400 to answer, with the parameter it names."""

    def __init__(self, message: str, param: str | None, code: str | None = "invalid_value"):
        super().__init__(message)
        self.message = message
        self.param = param
        self.code = code


@functools.cache
def edit_fields() -> frozenset[str]:
    """The field names ``CreateImageEditRequest`` declares (``image[]`` is ``image`` as a list)."""
    schema = load_spec(OPENAI_SPEC)["components"]["schemas"]["CreateImageEditRequest"]
    return frozenset(schema["properties"])


async def read_edit(request: web.Request) -> EditUpload:
    """Parse the multipart body; raise :class:`EditError` for what OpenAI answers 400."""
    if not request.content_type.startswith("multipart/form-data"):
        raise EditError("Invalid Content-Type: expected multipart/form-data.", None)
    reader = await request.multipart()
    fields: dict[str, Any] = {}
    images: list[EditFile] = []
    mask: EditFile | None = None
    known = edit_fields()
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader) or part.name is None:
            raise EditError("Nested multipart bodies are not supported.", None)
        name = part.name
        base = name.removesuffix("[]")
        if base not in known:
            raise EditError(
                f"Unrecognized request argument supplied: {name}", name, "unknown_parameter"
            )
        if base in {"image", "mask"}:
            data = bytes(await part.read())
            file = EditFile(name, part.filename, part.headers.get("Content-Type", ""), data)
            if base == "mask":
                mask = file
            else:
                images.append(file)
            continue
        fields[name] = _typed(name, await part.text())
    return EditUpload(fields, tuple(images), mask)


def _typed(name: str, text: str) -> Any:
    if name in _INTEGER_FIELDS:
        try:
            return int(text)
        except ValueError:
            raise EditError(f"Invalid '{name}': expected an integer.", name) from None
    if name in _BOOLEAN_FIELDS:
        return text.lower() == "true"
    return text


def check_edit(upload: EditUpload) -> Mapping[str, Any]:
    """The prose rules of the spec; returns the fields, shaped like a generation's body."""
    if "prompt" not in upload.fields:
        raise EditError("Missing required parameter: 'prompt'.", "prompt", "missing_required")
    if not upload.images:
        raise EditError("Missing required parameter: 'image'.", "image", "missing_required")
    if len(upload.images) > MAX_IMAGES:
        raise EditError(f"Too many images: at most {MAX_IMAGES} are accepted.", "image")
    model = upload.fields.get("model")
    if model not in EDIT_MODELS:
        raise EditError(f"The model `{model}` does not support image edits.", "model")
    sizes = [_check_image(image) for image in upload.images]
    if model == "openai/dall-e-2" and (len(upload.images) > 1 or sizes[0][0] != sizes[0][1]):
        raise EditError("dall-e-2 edits one square PNG image.", "image")
    if upload.mask is not None:
        _check_mask(upload.mask, sizes[0])
    return upload.fields


def _check_image(image: EditFile) -> tuple[int, int]:
    if len(image.data) >= MAX_IMAGE_BYTES:
        raise EditError("Each image must be less than 50MB.", "image")
    if detect_image_format(image.data) is None:
        raise EditError(
            f"Invalid file '{image.filename}': unsupported mimetype. Supported file formats are "
            "'image/jpeg', 'image/png', and 'image/webp'.",
            "image",
            "invalid_image_format",
        )
    return _open(image, "image").size


def _check_mask(mask: EditFile, size: tuple[int, int]) -> None:
    if detect_image_format(mask.data) != "png":
        raise EditError("The mask must be a PNG file.", "mask", "invalid_image_format")
    opened = _open(mask, "mask")
    if "A" not in opened.getbands() and "transparency" not in opened.info:
        raise EditError("The mask must have an alpha channel.", "mask")
    if opened.size != size:
        raise EditError("The mask and the image must have the same dimensions.", "mask")


def _open(file: EditFile, param: str) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(file.data))
        image.load()
    except (OSError, ValueError, Image.DecompressionBombError):
        raise EditError(f"Invalid file '{file.filename}': not a readable image.", param) from None
    return image
