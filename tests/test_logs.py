"""LOG_FORMAT=json: every line one JSON object, with the request's ids and no secret."""

from __future__ import annotations

import asyncio
import json
import signal
from pathlib import Path

from tests.conftest import API_KEY
from tests.test_cli import SECRET, TOKEN, run_bot
from tests.test_shutdown import bot_process


async def test_json_logs_parse_line_by_line_carry_ids_and_no_secret(
    tmp_path: Path, discord_fake, gateway
) -> None:
    async with bot_process(
        tmp_path, discord_fake, gateway, 30, log_level="DEBUG", LOG_FORMAT="json"
    ) as (process, lines):
        gateway.fail_next("slow", seconds=0.2)
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        await discord_fake.wait_until(
            lambda: any('"committed' in line for line in lines), within=30
        )
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 30)
    assert process.returncode == 0, "".join(lines)[-2000:]
    records = [json.loads(line) for line in lines]  # every line, or this raises
    assert len(records) > 20  # DEBUG: discord.py's routes and events are there too
    for record in records:
        assert {"time", "level", "logger", "message"} <= set(record)
        assert record["time"].endswith("+00:00")
    committed = next(r for r in records if r["message"].startswith("committed"))
    assert committed["logger"] == "imagine.audit"
    assert committed["level"] == "INFO"
    assert (committed["interaction_id"], committed["guild_id"]) == (
        handle.id,
        handle.record.guild_id,
    )
    assert committed["member_id"] == discord_fake.scenario.member.user.id
    started = next(r for r in records if "connected as" in r["message"])
    assert "interaction_id" not in started  # not a request's line
    text = "".join(lines)
    assert "[redacted]" in text  # discord.py logged the interaction routes, without the token
    for credential in (API_KEY, discord_fake.scenario.token, handle.token):
        assert credential not in text


def test_an_unknown_log_format_is_one_line(tmp_path: Path) -> None:
    result = run_bot(tmp_path, "check", DISCORD_TOKEN=TOKEN, IMAGE_API_KEY=SECRET, LOG_FORMAT="xml")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "LOG_FORMAT" in line
    json_ok = run_bot(
        tmp_path, "check", DISCORD_TOKEN=TOKEN, IMAGE_API_KEY=SECRET, LOG_FORMAT="JSON"
    )
    assert json_ok.returncode == 0, json_ok.stderr
