"""What the fake remembers: requests, messages, interactions, commands; and a change notifier."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

EPHEMERAL = 1 << 6
LOADING = 1 << 7
POLL_INTERVAL = 0.02


@dataclass(frozen=True)
class UploadedFile:
    field: str
    filename: str
    data: bytes
    content_type: str | None


@dataclass
class RecordedRequest:
    """One HTTP request as received; ``status`` is filled in once the fake has answered."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    files: tuple[UploadedFile, ...]
    time: float
    status: int = 0


@dataclass
class StoredAttachment:
    id: int
    filename: str
    data: bytes
    content_type: str | None
    description: str | None = None
    declared_size: int | None = None  # what Discord says the size is, when a test makes it lie

    @property
    def size(self) -> int:
        return len(self.data) if self.declared_size is None else self.declared_size


@dataclass
class StoredMessage:
    id: int
    channel_id: int
    guild_id: int | None
    content: str = ""
    embeds: list[dict[str, Any]] = field(default_factory=list)
    components: list[dict[str, Any]] = field(default_factory=list)
    flags: int = 0
    allowed_mentions: dict[str, Any] | None = None
    attachments: list[StoredAttachment] = field(default_factory=list)
    interaction_id: int | None = None
    edited: bool = False
    deleted: bool = False
    author_id: int | None = None  # a member's message (None: the bot's own)

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def loading(self) -> bool:
        """A type-5 "thinking" message not yet replaced by an edit or the first followup."""
        return bool(self.flags & LOADING)


@dataclass
class InteractionRecord:
    id: int
    token: str
    type: int
    created_at: float
    channel_id: int
    guild_id: int | None
    attachment_size_limit: int
    payload: dict[str, Any]
    message_id: int | None = None  # the message a component is attached to
    response_type: int | None = None
    response_data: dict[str, Any] | None = None
    original_message_id: int | None = None
    followup_message_ids: list[int] = field(default_factory=list)

    @property
    def acknowledged(self) -> bool:
        return self.response_type is not None


class Notifier:
    """Wakes waiters whenever the state changes, so tests await conditions instead of sleeping."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait_until(self, predicate: Callable[[], bool], within: float = 5.0) -> None:
        """Re-check on every change, and every 20 ms for state the fake does not own (the bot's)."""
        async with asyncio.timeout(within):
            while not predicate():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._event.wait(), POLL_INTERVAL)


@dataclass
class FakeState:
    requests: list[RecordedRequest] = field(default_factory=list)
    messages: dict[int, dict[int, StoredMessage]] = field(default_factory=dict)
    interactions: dict[int, InteractionRecord] = field(default_factory=dict)
    global_commands: list[dict[str, Any]] = field(default_factory=list)
    guild_commands: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    # Files members attached to slash commands (ephemeral attachments), by id.
    uploads: dict[int, StoredAttachment] = field(default_factory=dict)
    cdn_reads: list[int] = field(default_factory=list)  # attachment ids the CDN served

    def attachment(self, attachment_id: int) -> StoredAttachment | None:
        if attachment_id in self.uploads:
            return self.uploads[attachment_id]
        for channel in self.messages.values():
            for message in channel.values():
                for attachment in message.attachments:
                    if attachment.id == attachment_id:
                        return attachment
        return None

    def channel_messages(
        self, channel_id: int, include_deleted: bool = False
    ) -> list[StoredMessage]:
        """Messages in creation order (ephemeral ones included, as Discord keeps them per user)."""
        stored = self.messages.get(channel_id, {}).values()
        return [m for m in stored if include_deleted or not m.deleted]

    def message(self, message_id: int) -> StoredMessage | None:
        for channel in self.messages.values():
            if message_id in channel:
                return channel[message_id]
        return None

    def add_message(self, message: StoredMessage) -> StoredMessage:
        self.messages.setdefault(message.channel_id, {})[message.id] = message
        return message

    def interaction_by_token(self, token: str) -> InteractionRecord | None:
        return next((i for i in self.interactions.values() if i.token == token), None)
