"""The Spark engine: `build --engine spark` on the samples (with the end-to-end test's copies, page
and bad input), in local mode, runs a JVM under the build and publishes a warehouse equal, table
for table and view for view, to the default engine's."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from functools import partial
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.dedup.near_duplicates import DedupItem, deduplicate, lsh_pairs
from pipelines.definitions import defs
from pipelines.engines import spark
from tests.end_to_end.test_build import make_inputs

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"
MARTS = ["articles", "article_sources", "rejected_inputs", "sentences", "actors", "mentions", "events", "event_mentions"]

pytestmark = pytest.mark.e2e


def everything(warehouse: Path) -> dict[str, tuple[list[tuple], list[tuple]]]:
    """Every table and view of a published file: its column names and types, and its rows."""
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        names = [n for (n,) in conn.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()]
        return {
            name: (
                conn.execute(
                    "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [name]
                ).fetchall(),
                conn.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall(),
            )
            for name in names
        }


def java_descendants(root: int) -> set[int]:
    """Ids of the `java` processes under `root` (read from /proc)."""
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            name, rest = stat[stat.index("(") + 1 : stat.rindex(")")], stat[stat.rindex(")") + 2 :].split()
            parents[int(entry.name)], names[int(entry.name)] = int(rest[1]), name
    found = set()
    for pid, name in names.items():
        ancestor = pid
        while ancestor > 1 and ancestor != root:
            ancestor = parents.get(ancestor, 1)
        if ancestor == root and name == "java":
            found.add(pid)
    return found


@pytest.mark.skipif(spark.problem("local[2]") is not None, reason=str(spark.problem("local[2]")))
def test_a_spark_build_runs_a_jvm_and_equals_the_default_build(tmp_path):
    make_inputs(tmp_path)
    inputs = [str(tmp_path / "news"), str(tmp_path / "bad")]
    environment = {**os.environ, "DAGSTER_HOME": str(tmp_path / "home"), "NEWS_PROCESSES": "1"}
    command = [
        sys.executable,
        "-m",
        "pipelines",
        "build",
        "--engine",
        "spark",
        "--master",
        "local[2]",
        "--input",
        inputs[0],
        "--input",
        inputs[1],
    ]
    build = subprocess.Popen(
        [*command, "--warehouse", str(tmp_path / "spark" / "news.duckdb")],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    jvms: set[int] = set()
    watching = threading.Event()

    def watch() -> None:
        while not watching.wait(0.5):
            jvms.update(java_descendants(build.pid))

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        output, _ = build.communicate(timeout=900)
    finally:
        watching.set()
        watcher.join()
    assert build.returncode == 0, output[-3000:]
    assert jvms, "no JVM ran under the build"

    config = {"input_dirs": inputs, "warehouse_path": str(tmp_path / "duckdb" / "news.duckdb"), "processes": 1}
    with dg.DagsterInstance.ephemeral() as instance:
        result = defs.resolve_job_def("build_warehouse").execute_in_process(
            run_config={"resources": {"settings": {"config": config}}}, instance=instance
        )
    assert result.success
    on_spark, on_duckdb = everything(tmp_path / "spark" / "news.duckdb"), everything(tmp_path / "duckdb" / "news.duckdb")
    assert set(on_spark) == set(on_duckdb) and set(MARTS) <= set(on_spark)
    assert {name: "differs" for name, built in on_spark.items() if built != on_duckdb[name]} == {}
    assert all(on_spark[name][1] for name in MARTS)
    relations = {row[2] for row in on_spark["article_sources"][1]}
    assert {"exact_duplicate", "near_duplicate"} <= relations  # the dedup banding on Spark found the copies


def test_a_spark_build_refuses_bad_input_in_one_line(tmp_path):
    environment = {**os.environ, "DAGSTER_HOME": str(tmp_path / "home")}
    warehouse = ["--input", str(SEEDS), "--warehouse", str(tmp_path / "news.duckdb")]
    for arguments, message in [
        (["--engine", "spark", "--master", "nowhere"], "error: not a Spark master URL: 'nowhere'"),
        (["--master", "local[2]"], "error: --master needs --engine spark"),
    ]:
        run = subprocess.run(
            [sys.executable, "-m", "pipelines", "build", *arguments, *warehouse], env=environment, capture_output=True, text=True
        )
        assert run.returncode == 2 and run.stderr.startswith(message) and run.stderr.count("\n") == 1 and not run.stdout
    without_java = {**environment, "PATH": "/nonexistent", "JAVA_HOME": ""}
    run = subprocess.run(
        [sys.executable, "-m", "pipelines", "build", "--engine", "spark", *warehouse], env=without_java, capture_output=True, text=True
    )
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "needs Java" in run.stderr


@pytest.mark.skipif(spark.problem("local[2]") is not None, reason=str(spark.problem("local[2]")))
def test_the_near_duplicate_banding_on_spark_pairs_the_texts_the_in_process_index_pairs(tmp_path):
    bodies = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    items = [DedupItem(f"seed/{n}.txt", body, None) for n, body in enumerate(bodies)]
    # near copies: one truncated by its last paragraph, one with every 20th word changed
    items.append(DedupItem("copy/truncated.txt", bodies[0].rsplit("\n\n", 1)[0], None))
    words = bodies[1].split(" ")
    items.append(DedupItem("copy/edited.txt", " ".join(w if i % 20 else "changed" for i, w in enumerate(words)), None))
    signatures = {}

    def in_process(found):
        signatures.update(found)
        return lsh_pairs(found)

    assignments = deduplicate(items, in_process)
    try:
        pairs = spark.lsh_pairs("local[2]", tmp_path, signatures)
        assert deduplicate(items, partial(spark.lsh_pairs, "local[2]", tmp_path)) == assignments
    finally:
        spark.stop()
    assert sorted(pairs) == sorted(lsh_pairs(signatures)) and pairs
    assert {a.source_file for a in assignments if a.relation == "near_duplicate"} == {"copy/truncated.txt", "copy/edited.txt"}
