"""The helper that runs the real LiteLLM proxy for the compat tests: when they may skip, and
what reaches the proxy's environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.litellm_proxy import (
    REQUIRE_SETTING,
    litellm_executable,
    proxy_environment,
    required,
)


def test_no_executable_in_a_folder_without_litellm(tmp_path: Path) -> None:
    assert litellm_executable(tmp_path) is None


def test_without_litellm_the_tests_skip_saying_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(REQUIRE_SETTING, raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"needs the LiteLLM proxy: pip install"):
        required(litellm_executable(tmp_path))


def test_without_litellm_where_it_is_required_the_tests_fail(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """CI sets the switch: there a skipped compat module would pass without checking anything."""
    monkeypatch.setenv(REQUIRE_SETTING, "1")
    with pytest.raises((pytest.fail.Exception, pytest.skip.Exception)) as ended:
        required(litellm_executable(tmp_path))  # a skip, caught, fails this test
    assert ended.type is pytest.fail.Exception
    assert str(ended.value).startswith(f"{REQUIRE_SETTING} is set, but LiteLLM is not installed")


def test_a_found_executable_is_used_whatever_the_switch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    executable = tmp_path / "litellm"
    executable.write_text("#!/bin/sh\n", encoding="utf-8")
    executable.chmod(0o755)
    monkeypatch.setenv(REQUIRE_SETTING, "1")
    assert required(litellm_executable(tmp_path)) == executable


def test_ci_requires_litellm() -> None:
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert f"\nexport {REQUIRE_SETTING}=1\n" in ci


def test_the_proxy_inherits_no_litellm_setting_and_records_no_telemetry() -> None:
    inherited = {
        "PATH": "/usr/bin",
        "LITELLM_TELEMETRY_ENDPOINT": "https://collector.example/v1",
        "litellm_telemetry_groups": "usage",  # LiteLLM reads its settings in any case
        "LITELLM_LOG": "DEBUG",
        "DATABASE_URL": "postgresql://bot@db/imagine",
        "https_proxy": "http://proxy.example:3128",
    }
    env = proxy_environment(inherited, LITELLM_MASTER_KEY="sk-master")
    assert env["PATH"] == "/usr/bin"
    assert not {"litellm_telemetry_groups", "DATABASE_URL", "https_proxy"} & set(env)
    assert {name for name in env if name.upper().startswith("LITELLM_")} == {
        "LITELLM_MASTER_KEY",
        "LITELLM_LOCAL_MODEL_COST_MAP",
        "LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS",
        "LITELLM_LOCAL_POLICY_TEMPLATES",
        "LITELLM_LOCAL_BLOG_POSTS",
        "LITELLM_LOCAL_AUTOROUTER_PRESETS",
        "LITELLM_TELEMETRY_DISABLED",
    }
    assert env["LITELLM_TELEMETRY_DISABLED"] == env["LITELLM_LOCAL_MODEL_COST_MAP"] == "True"
