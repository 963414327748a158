"""Discord's message limits, enforced with the same status codes and error bodies Discord uses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tests.fakes.discord.errors import entity_too_large, invalid_form_body

MAX_CONTENT = 2000
MAX_EMBEDS = 10
MAX_FILES = 10
MAX_REQUEST_BYTES = 25 * 1024 * 1024
MAX_CHOICES = 25
EMBED_TOTAL = 6000
EMBED_FIELDS = 25
# (key path inside one embed, limit)
EMBED_TEXT_LIMITS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("title",), 256),
    (("description",), 4096),
    (("footer", "text"), 2048),
    (("author", "name"), 256),
)
FIELD_LIMITS = (("name", 256), ("value", 1024))


def _too_long(path: tuple[str, ...], limit: int) -> Exception:
    return invalid_form_body(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")


def check_message(
    body: dict[str, Any], file_sizes: Sequence[int], size_limit: int, prefix: tuple[str, ...] = ()
) -> None:
    """Check a message body and its uploads; ``prefix`` is ``("data",)`` for callbacks."""
    if any(size > size_limit for size in file_sizes):
        raise entity_too_large()
    attachments = body.get("attachments") or []
    if len(file_sizes) > MAX_FILES or len(attachments) > MAX_FILES:
        raise _too_long((*prefix, "attachments"), MAX_FILES)
    content = body.get("content")
    if isinstance(content, str) and len(content) > MAX_CONTENT:
        raise _too_long((*prefix, "content"), MAX_CONTENT)
    embeds = body.get("embeds") or []
    if len(embeds) > MAX_EMBEDS:
        raise _too_long((*prefix, "embeds"), MAX_EMBEDS)
    total = 0
    for index, embed in enumerate(embeds):
        total += _check_embed(embed, (*prefix, "embeds", str(index)))
    if total > EMBED_TOTAL:
        raise invalid_form_body(
            (*prefix, "embeds"),
            "MAX_EMBED_SIZE_EXCEEDED",
            "Embed size exceeds maximum size of 6000",
        )


def _check_embed(embed: dict[str, Any], path: tuple[str, ...]) -> int:
    """Raise on a per-field limit; return the embed's character count towards the 6000 total."""
    total = 0
    for keys, limit in EMBED_TEXT_LIMITS:
        value: Any = embed
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, str):
            if len(value) > limit:
                raise _too_long((*path, *keys), limit)
            total += len(value)
    fields = embed.get("fields") or []
    if len(fields) > EMBED_FIELDS:
        raise _too_long((*path, "fields"), EMBED_FIELDS)
    for index, embed_field in enumerate(fields):
        for key, limit in FIELD_LIMITS:
            text = embed_field.get(key) or ""
            if len(text) > limit:
                raise _too_long((*path, "fields", str(index), key), limit)
            total += len(text)
    return total


def check_choices(choices: Sequence[Any]) -> None:
    if len(choices) > MAX_CHOICES:
        raise _too_long(("data", "choices"), MAX_CHOICES)


def check_modal(data: dict[str, Any]) -> None:
    """What the spec's schema cannot say: a prefilled value within its input's own limits."""
    for row_index, row in enumerate(data.get("components") or []):
        inputs = row.get("components") or [row.get("component") or {}]
        for index, text_input in enumerate(inputs):
            path = ("data", "components", str(row_index), "components", str(index))
            value = text_input.get("value") or ""
            high = text_input.get("max_length") or 4000
            if len(value) > high:
                raise _too_long((*path, "value"), high)
            if (text_input.get("min_length") or 0) > high:
                raise invalid_form_body(
                    (*path, "min_length"), "BASE_TYPE_BAD_LENGTH", "min_length is over max_length"
                )
