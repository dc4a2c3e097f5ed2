"""The command line a new user meets: build, then report and query the published warehouse."""

import shutil
from pathlib import Path

import pytest

from pipelines.cli import main

SAMPLE = sorted((Path(__file__).resolve().parents[1] / "seeds" / "articles").glob("*.txt"))[0]

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    inputs = root / "in"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs / SAMPLE.name)
    (inputs / "empty.txt").write_text("")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DAGSTER_HOME", str(root / "dagster_home"))
        patch.setenv("NEWS_PROCESSES", "1")
        assert main(["build", "--input", str(inputs), "--warehouse", str(root / "out" / "news.duckdb")]) == 0
        assert (root / "dagster_home" / "dagster.yaml").read_text().count("enabled: false") == 2
    return inputs, root / "out" / "news.duckdb"


def test_build_prints_a_summary_of_files_articles_duplicates_rejections_and_stage_times(warehouse, capsys):
    inputs, published = warehouse
    # The fixture's build printed it already; an unchanged rerun is cheap and prints it again.
    assert main(["build", "--input", str(inputs), "--warehouse", str(published)]) == 0
    out = capsys.readouterr().out
    for label in ("inputs seen", "articles", "duplicates", "rejected", "actors", "events", "seconds per stage"):
        assert label in out


def test_report_and_query_read_the_published_warehouse(warehouse, capsys):
    _, warehouse = warehouse
    assert main(["report", "actors", "--warehouse", str(warehouse), "--limit", "5"]) == 0
    assert "| name | type | country |" in capsys.readouterr().out
    assert main(["report", "events", "--warehouse", str(warehouse)]) == 0
    assert "evidence" in capsys.readouterr().out
    assert main(["query", "SELECT count(*) AS n FROM rejected_inputs", "--warehouse", str(warehouse)]) == 0
    assert "1" in capsys.readouterr().out


def test_a_missing_input_folder_is_a_clear_error(tmp_path, capsys):
    assert main(["build", "--input", str(tmp_path / "nope")]) == 2
    assert "input folder not found" in capsys.readouterr().err


def test_reading_a_warehouse_that_was_never_built_is_a_clear_error(tmp_path, capsys):
    assert main(["report", "actors", "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    assert "build one first" in capsys.readouterr().err


def test_two_input_folders_with_the_same_name_are_a_clear_error(tmp_path, capsys):
    for parent in ("a", "b"):
        (tmp_path / parent / "news").mkdir(parents=True)
    assert main(["build", "--input", str(tmp_path / "a" / "news"), "--input", str(tmp_path / "b" / "news")]) == 2
    assert "distinct names" in capsys.readouterr().err


def test_a_second_build_of_the_same_warehouse_is_refused_while_one_runs(tmp_path, capsys):
    import fcntl

    (tmp_path / "news").mkdir()
    warehouse = tmp_path / "out" / "news.duckdb"
    lock = tmp_path / "out" / ".work" / "news.duckdb.lock"
    lock.parent.mkdir(parents=True)
    with open(lock, "a+") as held:  # the running build
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert main(["build", "--input", str(tmp_path / "news"), "--warehouse", str(warehouse)]) == 2
    err = capsys.readouterr().err
    assert "another build" in err and err.count("\n") == 1


def test_a_killed_builds_run_left_started_is_marked_failed_by_the_next(tmp_path):
    import dagster as dg
    from dagster._core.storage.dagster_run import DagsterRun

    from pipelines.cli import PID_TAG, WAREHOUSE_TAG, fail_abandoned_runs

    with dg.DagsterInstance.ephemeral() as instance:
        tags = {WAREHOUSE_TAG: "/w/news.duckdb", PID_TAG: "999999999"}  # a process that is gone
        instance.add_run(DagsterRun(job_name="build_warehouse", run_id="killed", status=dg.DagsterRunStatus.STARTED, tags=tags))
        other = {WAREHOUSE_TAG: "/other/news.duckdb", PID_TAG: "999999999"}
        instance.add_run(DagsterRun(job_name="build_warehouse", run_id="elsewhere", status=dg.DagsterRunStatus.STARTED, tags=other))
        assert fail_abandoned_runs(instance, "/w/news.duckdb") == 1
        assert instance.get_run_by_id("killed").status == dg.DagsterRunStatus.FAILURE
        assert instance.get_run_by_id("elsewhere").status == dg.DagsterRunStatus.STARTED
