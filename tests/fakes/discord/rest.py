"""The REST side: request recording, auth, spec validation and injected faults (one middleware),
plus identity, gateway discovery and application-command routes."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from tests.fakes.discord import payloads, spec
from tests.fakes.discord.body import BODY, parse_body
from tests.fakes.discord.callbacks import CallbackRoutes
from tests.fakes.discord.context import API_PREFIX, FakeContext
from tests.fakes.discord.errors import DiscordError, json_response, unauthorized
from tests.fakes.discord.messages import ChannelRoutes
from tests.fakes.discord.state import RecordedRequest

TOKEN_ROUTES = ("/interactions/", "/webhooks/")
Handler = Any  # aiohttp's handler type is not exported in a stable, typed way


class RestApi:
    def __init__(self, ctx: FakeContext) -> None:
        self.ctx = ctx

    def register(self, app: web.Application) -> None:
        app.middlewares.append(self.middleware)
        router = app.router
        router.add_get(API_PREFIX + "/gateway", self.gateway)
        router.add_get(API_PREFIX + "/gateway/bot", self.gateway_bot)
        router.add_get(API_PREFIX + "/users/@me", self.me)
        router.add_get(API_PREFIX + "/oauth2/applications/@me", self.application)
        for commands in ("/commands", "/guilds/{guild_id}/commands"):
            path = API_PREFIX + "/applications/{app_id}" + commands
            router.add_put(path, self.put_commands)
            router.add_get(path, self.get_commands)
        router.add_get("/attachments/{channel_id}/{attachment_id}/{filename}", self.attachment)
        CallbackRoutes(self.ctx).register(app, API_PREFIX)
        ChannelRoutes(self.ctx).register(app, API_PREFIX)

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith(API_PREFIX + "/"):
            response: web.StreamResponse = await handler(request)
            return response
        path = request.path.removeprefix(API_PREFIX)
        record = RecordedRequest(
            method=request.method,
            path=path,
            query=dict(request.query),
            headers=dict(request.headers),
            json=None,
            files=(),
            time=self.ctx.clock.now(),
        )
        self.ctx.state.requests.append(record)
        try:
            response = await self._handle(request, handler, path, record)
        except DiscordError as error:
            response = json_response(error.body(), error.status)
            if error.status == 413:
                response.force_close()  # the unread rest of the upload must not linger
        record.status = response.status
        self.ctx.notifier.notify()
        return response

    async def _handle(
        self, request: web.Request, handler: Handler, path: str, record: RecordedRequest
    ) -> web.StreamResponse:
        body = await parse_body(request)
        record.json, record.files = body.json, body.files
        if not path.startswith(TOKEN_ROUTES) and not self._authorized(request):
            raise unauthorized()
        if body.json is not None:
            self.ctx.violations.extend(
                spec.validate(request.method, path, body.json, body.media_type)
            )
        for rule in self.ctx.faults:
            if rule.matches(request.method, path):
                return await rule.respond(request, self.ctx.clock)
        request[BODY] = body
        response: web.StreamResponse = await handler(request)
        return response

    def _authorized(self, request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bot {self.ctx.scenario.token}"

    async def gateway(self, request: web.Request) -> web.Response:
        return json_response({"url": self.ctx.gateway_url})

    async def gateway_bot(self, request: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1}
        return json_response(
            {
                "url": self.ctx.gateway_url,
                "shards": self.ctx.scenario.shards,
                "session_start_limit": limit,
            }
        )

    async def me(self, request: web.Request) -> web.Response:
        me = payloads.user(self.ctx.scenario.bot)
        return json_response({**me, "verified": True, "mfa_enabled": False, "flags": 0})

    async def application(self, request: web.Request) -> web.Response:
        return json_response(payloads.application(self.ctx.scenario))

    def _commands(self, request: web.Request) -> list[dict[str, Any]]:
        if int(request.match_info["app_id"]) != self.ctx.scenario.application_id:
            raise DiscordError(403, 50001, "Missing Access")
        if "guild_id" in request.match_info:
            guild_id = int(request.match_info["guild_id"])
            if all(guild.id != guild_id for guild in self.ctx.scenario.guilds):
                raise DiscordError(403, 50001, "Missing Access")  # the bot is not in it
            return self.ctx.state.guild_commands.setdefault(guild_id, [])
        return self.ctx.state.global_commands

    async def put_commands(self, request: web.Request) -> web.Response:
        """Bulk overwrite, answered (and stored) in Discord's shapes.

        Like Discord, a command keeps its id while its name and type stay, and its version while
        nothing else changes either.
        """
        stored = self._commands(request)
        old = {(c["name"], c["type"]): c for c in stored}
        guild_id = request.match_info.get("guild_id")
        new = []
        for sent in request[BODY].json or []:
            previous = old.get((sent.get("name"), int(sent.get("type") or 1)))
            command = payloads.application_command(
                sent,
                previous["id"] if previous else str(self.ctx.clock.snowflake()),
                self.ctx.scenario.application_id,
                previous["version"] if previous else "",
                guild_id,
            )
            if previous != command:
                command["version"] = str(self.ctx.clock.snowflake())
            new.append(command)
        stored[:] = new
        return json_response(new)

    async def get_commands(self, request: web.Request) -> web.Response:
        """Like Discord, the localization dictionaries only with ``?with_localizations=true``."""
        commands = self._commands(request)
        if request.query.get("with_localizations", "").lower() in ("true", "1"):
            return json_response(commands)
        return json_response(payloads.without_localizations(commands))

    async def attachment(self, request: web.Request) -> web.Response:
        """Serve uploaded bytes so ``Attachment.read()`` works against the fake."""
        attachment = self.ctx.state.attachment(int(request.match_info["attachment_id"]))
        if attachment is None:
            raise web.HTTPNotFound()
        self.ctx.state.cdn_reads.append(attachment.id)
        content_type = attachment.content_type or "application/octet-stream"
        return web.Response(body=attachment.data, content_type=content_type)
