"""The bound of issue 21 with LiteLLM's own defaults: the README's config without its router
settings, as an operator who skipped those lines would run it (its router repeats each call of
its client 3 times). A module of its own, as its proxy is: another worker may start it while
``test_litellm_compat``'s runs.
"""

from __future__ import annotations

import pytest
import yaml

from tests.litellm_proxy import behind_proxy
from tests.litellm_proxy import readme_config as readme_config_text
from tests.test_litellm_compat import failing_upstream_told

pytestmark = pytest.mark.xdist_group("litellm-proxy-defaults")

MAX_UPSTREAM_CALLS = 9  # the bound: LiteLLM's 3 x 3, and none of the bot's on top


def defaults_config() -> str:
    """The README's config less its router settings: LiteLLM's default retries and cooldowns."""
    config = yaml.safe_load(readme_config_text())
    del config["router_settings"]
    return yaml.safe_dump(config)


upstream_port, proxy, gateway, bot = behind_proxy(defaults_config, "litellm-defaults")


@pytest.mark.parametrize(
    ("kind", "told"),
    [("rate_limit", "busy right now"), ("server_error", "unavailable right now")],
)
async def test_a_failing_upstream_gets_at_most_nine_calls_and_the_member_an_answer(
    bot, discord_fake, gateway, kind: str, told: str, caplog: pytest.LogCaptureFixture
) -> None:
    await failing_upstream_told(bot, discord_fake, gateway, kind, told, caplog)
    assert len(gateway.requests) <= MAX_UPSTREAM_CALLS
