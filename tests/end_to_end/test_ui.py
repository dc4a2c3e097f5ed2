"""The Dagster UI in a real browser: `python -m pipelines ui` starts, a run launched through its
GraphQL API builds the warehouse, every asset materialises and every check passes, and headless
Chromium shows the asset graph and the run (screenshots saved into docs/).

Needs Debian's `chromium` (`.ci/run` installs it with apt when it is missing)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from pipelines.cli import UI_STOP_SECONDS

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LAUNCH = """
mutation Launch($params: ExecutionParams!) {
  launchRun(executionParams: $params) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on PythonError { message }
    ... on RunConfigValidationInvalid { errors { message } }
  }
}
"""
STATUS = "query Status($runId: ID!) { runOrError(runId: $runId) { __typename ... on Run { status } } }"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def graphql(base: str, query: str, variables: dict) -> dict:
    request = urllib.request.Request(
        f"{base}/graphql", json.dumps({"query": query, "variables": variables}).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["data"]


def wait_for(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except OSError:
            value = None
        if value:
            return value
        time.sleep(1)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def ui(tmp_path_factory):
    home = tmp_path_factory.mktemp("ui")
    port = free_port()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home / "dagster"),
        "NEWS_INPUT_DIRS": str(ROOT / "seeds" / "articles"),
        "NEWS_WAREHOUSE": str(home / "warehouse" / "news.duckdb"),
        "NEWS_PROCESSES": "1",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "pipelines", "ui", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: urllib.request.urlopen(f"{base}/server_info", timeout=5).status == 200, 120, "the UI to start")
        yield {"base": base, "home": home, "env": env}
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # `ui` stops Dagster within UI_STOP_SECONDS, or kills it
        try:
            server.wait(timeout=UI_STOP_SECONDS + 15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            pytest.fail("python -m pipelines ui did not stop on SIGTERM")


def test_a_run_launched_through_the_ui_builds_everything_and_the_browser_shows_it(ui) -> None:
    from playwright.sync_api import sync_playwright

    base = ui["base"]
    selector = {"repositoryLocationName": "pipelines.definitions", "repositoryName": "__repository__", "jobName": "build_warehouse"}
    launched = wait_for(
        lambda: (
            (r := graphql(base, LAUNCH, {"params": {"selector": selector, "runConfigData": {}}})["launchRun"])["__typename"]
            == "LaunchRunSuccess"
            and r
        ),
        120,
        "the code location to load and the run to launch",
    )
    run_id = launched["run"]["runId"]
    status = wait_for(
        lambda: (s := graphql(base, STATUS, {"runId": run_id})["runOrError"].get("status")) in {"SUCCESS", "FAILURE", "CANCELED"} and s,
        600,
        "the run to finish",
    )
    os.environ["DAGSTER_HOME"] = ui["env"]["DAGSTER_HOME"]
    import dagster as dg

    with dg.DagsterInstance.get() as instance:
        events = instance.all_logs(run_id)
    failures = [e.message for e in events if e.dagster_event and e.dagster_event.is_failure]
    assert status == "SUCCESS", failures
    materialised = {
        e.dagster_event.asset_key.to_user_string() for e in events if e.dagster_event and e.dagster_event.is_step_materialization
    }
    checks = [
        e.dagster_event.event_specific_data
        for e in events
        if e.dagster_event and e.dagster_event.event_type_value == "ASSET_CHECK_EVALUATION"
    ]
    assert {"staging/input_files", "staging/parses", "warehouse/events", "warehouse/gdelt_events", "warehouse/published"} <= materialised
    assert checks and all(check.passed for check in checks)
    assert Path(ui["env"]["NEWS_WAREHOUSE"]).exists()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.goto(f"{base}/asset-groups", wait_until="networkidle")
        assert page.title() == "Global asset lineage"
        page.get_by_text("event_marts").first.wait_for(timeout=30_000)  # a group of the graph, drawn
        page.wait_for_timeout(2000)  # the graph settles its layout after the nodes are drawn
        page.screenshot(path=str(ROOT / "docs" / "ui-asset-graph.png"))
        page.goto(f"{base}/runs/{run_id}", wait_until="networkidle")
        page.get_by_text("Success", exact=False).first.wait_for(timeout=30_000)
        page.screenshot(path=str(ROOT / "docs" / "ui-run.png"))
        browser.close()
