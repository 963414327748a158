"""Read a request body the way Discord does: JSON, or multipart ``payload_json`` + ``files[n]``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from aiohttp import BodyPartReader, web

from tests.fakes.discord.errors import entity_too_large, invalid_form_body
from tests.fakes.discord.limits import MAX_REQUEST_BYTES
from tests.fakes.discord.state import UploadedFile

FILE_FIELD = re.compile(r"files\[(\d+)\]|file\d*")


@dataclass(frozen=True)
class ParsedBody:
    """A request's JSON (``payload_json`` for multipart) and its uploaded files."""

    json: Any
    files: tuple[UploadedFile, ...]
    media_type: str

    def upload(self, index: int) -> UploadedFile | None:
        """The file sent as ``files[index]`` (what ``attachments[].id == index`` refers to)."""
        return next((f for f in self.files if f.field == f"files[{index}]"), None)

    @property
    def object(self) -> dict[str, Any]:
        return self.json if isinstance(self.json, dict) else {}


async def parse_body(request: web.Request) -> ParsedBody:
    """Parse without aiohttp's size cap, answering 413 40005 past Discord's 25 MiB per request."""
    if request.content_length is not None and request.content_length > MAX_REQUEST_BYTES:
        raise entity_too_large()
    media_type = request.content_type
    if media_type == "multipart/form-data":
        return await _parse_multipart(request)
    raw = await request.read() if request.can_read_body else b""
    if not raw:
        return ParsedBody(None, (), media_type)
    try:
        return ParsedBody(json.loads(raw), (), media_type)
    except ValueError:
        raise invalid_form_body(
            (), "JSON_DECODE", "The request body contains invalid JSON."
        ) from None


async def _parse_multipart(request: web.Request) -> ParsedBody:
    payload: Any = None
    files: list[UploadedFile] = []
    total = 0
    reader = await request.multipart()
    async for part in reader:
        if not isinstance(part, BodyPartReader):
            continue
        data = await part.read(decode=False)
        total += len(data)
        if total > MAX_REQUEST_BYTES:
            raise entity_too_large()
        name = part.name or ""
        if name == "payload_json":
            payload = json.loads(data)
        elif FILE_FIELD.fullmatch(name):
            content_type = part.headers.get("Content-Type")
            files.append(UploadedFile(name, part.filename or name, bytes(data), content_type))
    return ParsedBody(payload, tuple(files), "multipart/form-data")


BODY = web.RequestKey("body", ParsedBody)
