"""Interaction callbacks and the interaction webhook (followups, ``@original``), with their limits.

These routes carry no Authorization header; the interaction token is the credential. Time limits
(3 s to acknowledge, 15 min of token life) are measured on the fake clock.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from tests.fakes.discord.body import BODY, ParsedBody
from tests.fakes.discord.context import FakeContext
from tests.fakes.discord.errors import (
    already_acknowledged,
    invalid_form_body,
    invalid_webhook_token,
    json_response,
    unknown_interaction,
    unknown_message,
    unknown_webhook,
)
from tests.fakes.discord.limits import check_choices, check_message, check_modal
from tests.fakes.discord.messages import apply_body
from tests.fakes.discord.state import EPHEMERAL, LOADING, InteractionRecord, StoredMessage

ACK_DEADLINE = 3.0
TOKEN_LIFETIME = 15 * 60.0

# Interaction callback types.
PONG = 1
MESSAGE = 4
DEFERRED_MESSAGE = 5
DEFERRED_UPDATE = 6
UPDATE_MESSAGE = 7
AUTOCOMPLETE = 8
MODAL = 9
# Which callback types each interaction type accepts (Discord answers others with 50035).
ALLOWED_CALLBACKS: dict[int, frozenset[int]] = {
    1: frozenset({PONG}),
    2: frozenset({MESSAGE, DEFERRED_MESSAGE, MODAL}),
    3: frozenset({MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, MODAL}),
    4: frozenset({AUTOCOMPLETE}),
    5: frozenset({MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE}),
}


class CallbackRoutes:
    def __init__(self, ctx: FakeContext) -> None:
        self.ctx = ctx

    def register(self, app: web.Application, prefix: str) -> None:
        app.router.add_post(prefix + "/interactions/{id}/{token}/callback", self.callback)
        hook = prefix + "/webhooks/{app_id}/{token}"
        app.router.add_post(hook, self.followup)
        app.router.add_get(hook + "/messages/{message_id}", self.get_message)
        app.router.add_patch(hook + "/messages/{message_id}", self.edit_message)
        app.router.add_delete(hook + "/messages/{message_id}", self.delete_message)

    # -- POST /interactions/{id}/{token}/callback -------------------------------------------

    async def callback(self, request: web.Request) -> web.Response:
        record = self.ctx.state.interactions.get(int(request.match_info["id"]))
        if record is None or record.token != request.match_info["token"]:
            raise unknown_interaction()
        if self.ctx.clock.now() - record.created_at > ACK_DEADLINE and not record.acknowledged:
            raise unknown_interaction()
        if record.acknowledged:
            raise already_acknowledged()
        body = request[BODY]
        kind = body.object.get("type")
        data: dict[str, Any] = body.object.get("data") or {}
        if kind not in ALLOWED_CALLBACKS.get(record.type, frozenset()):
            raise invalid_form_body(("type",), "INTERACTION_CALLBACK_TYPE", "Invalid type")
        message = self._respond(record, kind, data, body)
        record.response_type = kind
        record.response_data = data
        if request.query.get("with_response") not in ("1", "true", "True"):
            return web.Response(status=204)
        return json_response(self._callback_answer(record, kind, message))

    def _respond(
        self, record: InteractionRecord, kind: int, data: dict[str, Any], body: ParsedBody
    ) -> StoredMessage | None:
        if kind in (MESSAGE, UPDATE_MESSAGE):
            sizes = [len(f.data) for f in body.files]
            check_message(data, sizes, record.attachment_size_limit, ("data",))
        if kind == AUTOCOMPLETE:
            check_choices(data.get("choices") or [])
        if kind == MODAL:
            check_modal(data)
        data_body = ParsedBody(data, body.files, body.media_type)
        if kind == MESSAGE:
            message = self._new_message(record)
            record.original_message_id = message.id
            return apply_body(self.ctx, message, data_body, creating=True)
        if kind == DEFERRED_MESSAGE:
            message = self._new_message(record)
            message.flags = LOADING | (data.get("flags") or 0) & EPHEMERAL
            record.original_message_id = message.id
            return message
        if kind in (DEFERRED_UPDATE, UPDATE_MESSAGE):
            record.original_message_id = record.message_id
            clicked = self.ctx.state.message(record.message_id or 0)
            if kind == UPDATE_MESSAGE and clicked is not None:
                return apply_body(self.ctx, clicked, data_body, creating=False)
            return clicked
        return None

    def _callback_answer(
        self, record: InteractionRecord, kind: int, message: StoredMessage | None
    ) -> dict[str, Any]:
        """``with_response=1``: ``interaction`` always, ``resource`` only for types 4 and 7."""
        interaction: dict[str, Any] = {"id": str(record.id), "type": record.type}
        if message is not None:
            interaction["response_message_id"] = str(message.id)
            interaction["response_message_loading"] = message.loading
            interaction["response_message_ephemeral"] = message.ephemeral
        answer: dict[str, Any] = {"interaction": interaction}
        if kind in (MESSAGE, UPDATE_MESSAGE) and message is not None:
            answer["resource"] = {"type": kind, "message": self.ctx.message_payload(message)}
        return answer

    def _new_message(self, record: InteractionRecord) -> StoredMessage:
        return self.ctx.new_message(record.channel_id, record.guild_id, record.id)

    # -- /webhooks/{app_id}/{token}[/messages/{id}] ------------------------------------------

    def _record(self, request: web.Request) -> InteractionRecord:
        if int(request.match_info["app_id"]) != self.ctx.scenario.application_id:
            raise unknown_webhook()
        record = self.ctx.state.interaction_by_token(request.match_info["token"])
        if record is None or self.ctx.clock.now() - record.created_at > TOKEN_LIFETIME:
            raise invalid_webhook_token()
        if not record.acknowledged:
            raise unknown_webhook()
        return record

    def _target(self, request: web.Request) -> tuple[InteractionRecord, StoredMessage]:
        record = self._record(request)
        raw_id = request.match_info["message_id"]
        message_id = record.original_message_id if raw_id == "@original" else int(raw_id)
        message = self.ctx.state.message(message_id or 0)
        if message is None or message.deleted:
            raise unknown_message()
        return record, message

    async def followup(self, request: web.Request) -> web.Response:
        """The first followup after a type-5 defer edits the "thinking" message."""
        record = self._record(request)
        body = request[BODY]
        check_message(body.object, [len(f.data) for f in body.files], record.attachment_size_limit)
        original = self.ctx.state.message(record.original_message_id or 0)
        # A deleted "thinking" message cannot be edited: the followup becomes a message of its own.
        if (
            record.response_type == DEFERRED_MESSAGE
            and original is not None
            and original.loading
            and not original.deleted
        ):
            message = apply_body(self.ctx, original, body, creating=False)
        else:
            message = apply_body(self.ctx, self._new_message(record), body, creating=True)
        record.followup_message_ids.append(message.id)
        if request.query.get("wait") not in ("1", "true", "True"):
            return web.Response(status=204)
        return json_response(self.ctx.message_payload(message))

    async def get_message(self, request: web.Request) -> web.Response:
        return json_response(self.ctx.message_payload(self._target(request)[1]))

    async def edit_message(self, request: web.Request) -> web.Response:
        record, message = self._target(request)
        body = request[BODY]
        check_message(body.object, [len(f.data) for f in body.files], record.attachment_size_limit)
        apply_body(self.ctx, message, body, creating=False)
        return json_response(self.ctx.message_payload(message))

    async def delete_message(self, request: web.Request) -> web.Response:
        self._target(request)[1].deleted = True
        return web.Response(status=204)
