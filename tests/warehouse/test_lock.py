"""One build at a time per warehouse, whoever starts it."""

from __future__ import annotations

import dagster as dg
import pytest

from pipelines.definitions import defs
from pipelines.warehouse.lock import WarehouseBusy, is_free, take


def test_the_lock_is_exclusive_and_released_with_its_handle(tmp_path):
    warehouse = tmp_path / "news.duckdb"
    with take(warehouse):
        assert not is_free(warehouse)
        with pytest.raises(WarehouseBusy, match="another build"):
            take(warehouse)
    assert is_free(warehouse)


def test_a_run_started_while_another_build_holds_the_warehouse_fails_at_once_and_touches_nothing(tmp_path):
    warehouse = tmp_path / "out" / "news.duckdb"
    config = {"input_dirs": [str(tmp_path)], "warehouse_path": str(warehouse), "processes": 1}
    with take(warehouse), dg.DagsterInstance.ephemeral() as instance:  # the running build
        result = defs.resolve_job_def("build_warehouse").execute_in_process(
            run_config={"resources": {"settings": {"config": config}}}, instance=instance, raise_on_error=False
        )
        assert not result.success
        errors = [
            e.event_specific_data.error.message for e in result.all_events if e.event_type == dg.DagsterEventType.RESOURCE_INIT_FAILURE
        ]
        assert len(errors) == 1 and f"another build of {warehouse} is running" in errors[0]
    assert not (warehouse.parent / ".work" / "news.duckdb").exists() and not warehouse.exists()
