"""The fake Discord's modals: type 9 answers checked as Discord checks them, type 5 submissions
built only from a modal that was shown."""

from __future__ import annotations

from typing import Any

import pytest

from tests.fakes.discord import spec
from tests.fakes.discord.errors import DiscordError
from tests.fakes.discord.interactions import modal_submit_data
from tests.fakes.discord.limits import check_modal

CALLBACK = "/interactions/1/token/callback"  # as the fake validates it: without the prefix


def modal(value: str = "a fox", max_length: int = 10, title: str = "Remix") -> dict[str, Any]:
    text_input = {
        "type": 4,
        "custom_id": "prompt",
        "style": 2,
        "label": "Prompt",
        "value": value,
        "max_length": max_length,
    }
    return {
        "custom_id": "imagine:remix:1",
        "title": title,
        "components": [{"type": 1, "components": [text_input]}],
    }


def test_a_well_formed_modal_matches_the_spec() -> None:
    assert spec.validate("POST", CALLBACK, {"type": 9, "data": modal()}, "application/json") == []
    check_modal(modal())


@pytest.mark.parametrize(
    "data",
    [modal(title="x" * 46), modal(value="y" * 4001, max_length=4000), {"title": "Remix"}],
)
def test_the_spec_refuses_a_bad_modal(data: dict[str, Any]) -> None:
    assert spec.validate("POST", CALLBACK, {"type": 9, "data": data}, "application/json")


def test_a_prefilled_value_longer_than_its_input_is_refused() -> None:
    with pytest.raises(DiscordError):
        check_modal(modal(value="y" * 11, max_length=10))


def test_a_submission_carries_what_was_typed_or_the_prefilled_value() -> None:
    typed = modal_submit_data(modal(), {"prompt": "an owl"})
    assert typed == {
        "custom_id": "imagine:remix:1",
        "components": [
            {"type": 1, "components": [{"type": 4, "custom_id": "prompt", "value": "an owl"}]}
        ],
    }
    unchanged = modal_submit_data(modal(), {})
    assert unchanged["components"][0]["components"][0]["value"] == "a fox"


@pytest.mark.parametrize("values", [{"prompt": "z" * 11}, {"prompt": ""}, {"other": "x"}])
def test_discords_client_submits_nothing_it_would_not(values: dict[str, str]) -> None:
    with pytest.raises(ValueError, match=r"prompt|other"):
        modal_submit_data(modal(), values)
