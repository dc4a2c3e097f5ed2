"""The asset graph is an interface too: a change to keys, groups or dependencies shows up in review.

Regenerate the snapshot after an intended change with `UPDATE_SNAPSHOT=1 .venv/bin/pytest tests/test_asset_graph.py`.
"""

import json
import os
from pathlib import Path

from pipelines.definitions import defs

SNAPSHOT = Path(__file__).with_name("asset_graph.json")


def current_graph() -> dict:
    graph = defs.resolve_asset_graph()
    assets = {}
    for key in sorted(graph.get_all_asset_keys(), key=lambda k: k.to_user_string()):
        node = graph.get(key)
        assets[key.to_user_string()] = {
            "group": node.group_name,
            "deps": sorted(parent.to_user_string() for parent in node.parent_keys),
            "checks": sorted(check.name for check in node.check_keys),
        }
    return assets


def test_the_asset_graph_matches_its_snapshot():
    graph = current_graph()
    if os.environ.get("UPDATE_SNAPSHOT"):
        SNAPSHOT.write_text(json.dumps(graph, indent=2) + "\n", encoding="utf-8")
    assert graph == json.loads(SNAPSHOT.read_text(encoding="utf-8"))
