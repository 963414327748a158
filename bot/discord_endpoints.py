"""Point discord.py at another Discord: a REST proxy in production, the fake Discord in tests.

discord.py reads two class attributes: ``Route.BASE`` when a route is built and
``DiscordWebSocket.DEFAULT_GATEWAY`` when the gateway connects. Both must be set before login.
"""

from __future__ import annotations

import discord.gateway
import discord.http
import yarl

DEFAULT_API_BASE = "https://discord.com/api/v10"
DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg/"


def apply_discord_endpoints(api_base: str | None, gateway_url: str | None) -> None:
    """Set discord.py's REST base and gateway; ``None`` restores Discord's own."""
    discord.http.Route.BASE = (api_base or DEFAULT_API_BASE).rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url or DEFAULT_GATEWAY_URL)
