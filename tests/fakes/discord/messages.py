"""Applying message bodies to stored messages, and the bot-authenticated channel message routes."""

from __future__ import annotations

from aiohttp import web

from tests.fakes.discord.body import BODY, ParsedBody
from tests.fakes.discord.context import FakeContext
from tests.fakes.discord.errors import (
    json_response,
    missing_access,
    missing_permissions,
    unknown_channel,
    unknown_message,
)
from tests.fakes.discord.limits import check_message
from tests.fakes.discord.scenario import SEND_MESSAGES, VIEW_CHANNEL
from tests.fakes.discord.state import EPHEMERAL, LOADING, StoredAttachment, StoredMessage

DEFAULT_ATTACHMENT_LIMIT = 10 * 1024 * 1024


def apply_body(
    ctx: FakeContext, message: StoredMessage, body: ParsedBody, *, creating: bool
) -> StoredMessage:
    """Create or edit ``message`` from a JSON/multipart body (limits already checked).

    On edit the ephemeral bit cannot change and the "thinking" (loading) bit is cleared. A
    present ``attachments`` list says which existing attachments survive; uploads are matched by
    ``attachments[].id == n`` for ``files[n]``.
    """
    data = body.object
    if "content" in data:
        message.content = data["content"] or ""
    if "embeds" in data:
        message.embeds = data["embeds"] or []
    if "components" in data:
        message.components = data["components"] or []
    if "allowed_mentions" in data:
        message.allowed_mentions = data["allowed_mentions"]
    flags = data.get("flags") or 0
    if creating:
        message.flags = flags
    else:
        message.flags = (flags & ~EPHEMERAL | message.flags & EPHEMERAL) & ~LOADING
        message.edited = True
    message.attachments = _attachments(ctx, message, body)
    return message


def _attachments(
    ctx: FakeContext, message: StoredMessage, body: ParsedBody
) -> list[StoredAttachment]:
    listed = body.object.get("attachments")
    used: set[str] = set()
    result: list[StoredAttachment] = []
    existing = {str(a.id): a for a in message.attachments}
    for item in listed or []:
        key = str(item.get("id"))
        upload = body.upload(int(key)) if key.isdigit() and key not in existing else None
        if key in existing:
            result.append(existing[key])
        elif upload is not None:
            used.add(upload.field)
            filename = item.get("filename") or upload.filename
            result.append(
                StoredAttachment(
                    ctx.clock.snowflake(),
                    filename,
                    upload.data,
                    upload.content_type,
                    item.get("description"),
                )
            )
    if listed is None:
        result = list(message.attachments)
    result.extend(
        StoredAttachment(ctx.clock.snowflake(), f.filename, f.data, f.content_type)
        for f in body.files
        if f.field not in used
    )
    return result


class ChannelRoutes:
    """``/channels/{id}/messages[/{mid}]``: what a bot uses once an interaction token expired."""

    def __init__(self, ctx: FakeContext) -> None:
        self.ctx = ctx

    def register(self, app: web.Application, prefix: str) -> None:
        base = prefix + "/channels/{channel_id}/messages"
        app.router.add_post(base, self.create)
        app.router.add_get(base + "/{message_id}", self.get)
        app.router.add_patch(base + "/{message_id}", self.edit)
        app.router.add_delete(base + "/{message_id}", self.delete)

    def _channel(self, request: web.Request) -> tuple[int, int]:
        channel_id = int(request.match_info["channel_id"])
        found = self.ctx.scenario.find_channel(channel_id)
        if found is None:
            raise unknown_channel()
        return found[0].id, channel_id

    def _message(self, request: web.Request) -> StoredMessage:
        _, channel_id = self._channel(request)
        message = self.ctx.state.messages.get(channel_id, {}).get(
            int(request.match_info["message_id"])
        )
        if message is None or message.deleted:
            raise unknown_message()
        return message

    async def create(self, request: web.Request) -> web.Response:
        guild_id, channel_id = self._channel(request)
        self._check_bot_may_send(channel_id)
        body = request[BODY]
        check_message(body.object, [len(f.data) for f in body.files], DEFAULT_ATTACHMENT_LIMIT)
        message = apply_body(
            self.ctx, self.ctx.new_message(channel_id, guild_id), body, creating=True
        )
        return json_response(self.ctx.message_payload(message))

    def _check_bot_may_send(self, channel_id: int) -> None:
        """Discord's 403s: 50001 when the bot cannot see the channel, 50013 when it cannot post."""
        found = self.ctx.scenario.find_channel(channel_id)
        denied = found[1].bot_denied if found else 0
        if denied & VIEW_CHANNEL:
            raise missing_access()
        if denied & SEND_MESSAGES:
            raise missing_permissions()

    async def get(self, request: web.Request) -> web.Response:
        return json_response(self.ctx.message_payload(self._message(request)))

    async def edit(self, request: web.Request) -> web.Response:
        message = self._message(request)
        body = request[BODY]
        check_message(body.object, [len(f.data) for f in body.files], DEFAULT_ATTACHMENT_LIMIT)
        apply_body(self.ctx, message, body, creating=False)
        return json_response(self.ctx.message_payload(message))

    async def delete(self, request: web.Request) -> web.Response:
        self._message(request).deleted = True
        return web.Response(status=204)
