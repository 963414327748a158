"""The pieces every route shares: scenario, clock, state, notifier, violations, injected faults."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.fakes.discord import payloads
from tests.fakes.discord.clock import DiscordClock
from tests.fakes.discord.faults import FaultRule
from tests.fakes.discord.scenario import Scenario
from tests.fakes.discord.spec import Violation
from tests.fakes.discord.state import FakeState, Notifier, StoredMessage

API_PREFIX = "/api/v10"


@dataclass
class FakeContext:
    scenario: Scenario
    clock: DiscordClock
    state: FakeState = field(default_factory=FakeState)
    notifier: Notifier = field(default_factory=Notifier)
    violations: list[Violation] = field(default_factory=list)
    faults: list[FaultRule] = field(default_factory=list)
    base_url: str = ""  # http://127.0.0.1:<port>, known once the server listens

    @property
    def api_base(self) -> str:
        return self.base_url + API_PREFIX

    @property
    def gateway_url(self) -> str:
        return self.base_url.replace("http://", "ws://", 1) + "/gateway"

    @property
    def resume_gateway_url(self) -> str:
        return self.gateway_url + "/resume"

    def message_payload(self, message: StoredMessage) -> dict[str, Any]:
        return payloads.message(message, self.scenario, self.base_url + "/attachments")

    def new_message(
        self, channel_id: int, guild_id: int | None, interaction_id: int | None = None
    ) -> StoredMessage:
        message = StoredMessage(self.clock.snowflake(), channel_id, guild_id)
        message.interaction_id = interaction_id
        return self.state.add_message(message)
