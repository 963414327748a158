"""A protocol-faithful fake Discord (REST + gateway) that the real discord.py can talk to.

Start it with :func:`harness.running_fake_discord` and connect a bot with
:func:`harness.connected_bot`; see ``harness.py`` for the whole API.
"""

from tests.fakes.discord.clock import DiscordClock
from tests.fakes.discord.harness import connected_bot, running_fake_discord
from tests.fakes.discord.interactions import InteractionHandle, Invoker, Mentionable
from tests.fakes.discord.scenario import Scenario, default_scenario
from tests.fakes.discord.server import FakeDiscord

__all__ = [
    "DiscordClock",
    "FakeDiscord",
    "InteractionHandle",
    "Invoker",
    "Mentionable",
    "Scenario",
    "connected_bot",
    "default_scenario",
    "running_fake_discord",
]
