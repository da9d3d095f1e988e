"""The quality gate: extraction may not fall below the pinned floors.

Floors and the hashes of the gold files they were measured on live in
quality_floors.json. Raising a floor is a deliberate edit of that file; a
gold file whose hash changed needs a new measurement, so the test says so
instead of comparing figures from different gold.
"""
import hashlib
import json
from pathlib import Path

import pytest

from orbitwatch.evaluation import load_records, score
from orbitwatch.extract import extract
from orbitwatch.ingest import Document, iter_documents

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text())


@pytest.mark.parametrize("name", [k for k in FLOORS if not k.startswith("_")])
def test_quality_gate_holds_the_floor(name):
    floor = FLOORS[name]
    gold_path, docs_path = ROOT / floor["gold"], ROOT / floor["docs"]
    if not gold_path.exists():
        pytest.skip(f"{floor['gold']} is not present")
    digest = hashlib.sha256(gold_path.read_bytes()).hexdigest()
    assert digest == floor["sha256"], f"{floor['gold']} changed: measure again and update quality_floors.json"
    pred = [r.to_dict() for d in iter_documents([str(docs_path)]) if isinstance(d, Document) for r in extract(d)]
    s = score(load_records(gold_path), pred)
    for metric in ("event_f1", "dyad_stance_f1"):
        assert s[metric] >= floor[metric], f"{name}: {metric} {s[metric]:.3f} fell below the floor {floor[metric]}"
