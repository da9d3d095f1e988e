"""orbitwatch eval agrees with the reference scorer; the seeds pass the floor."""
import importlib.util
import json
import random

from orbitwatch.evaluation import score
from orbitwatch.extract import extract
from orbitwatch.ingest import Document, iter_documents


def reference(shared):
    spec = importlib.util.spec_from_file_location("score_events", shared / "tools" / "score_events.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load(path):
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def perturb(gold, seed):
    rng = random.Random(seed)
    out = []
    for r in gold:
        r = dict(r)
        if rng.random() < 0.15:
            continue
        if r["type"] in ("CONSULT", "AGREE", "COOPERATE") and rng.random() < 0.5:
            r["actor"], r["target"] = r["target"], r["actor"]
        if rng.random() < 0.1:
            r["stance"] = -r["stance"]
        if rng.random() < 0.1:
            r["type"] = "ACCUSE"
        out.append(r)
    return out + [dict(doc="zzz", actor="KAZ", target="RUS", type="REJECT", stance=-1)]


def test_eval_agrees_with_reference_scorer(shared):
    ref = reference(shared)
    gold = load(shared / "gold" / "seeds.jsonl")
    for pred in [gold] + [perturb(gold, s) for s in range(5)]:
        mine, theirs = score(gold, pred), ref.score(gold, pred)
        for key, value in theirs.items():
            assert mine[key] == value if not isinstance(value, float) else abs(mine[key] - value) < 1e-12, key


def test_seeds_reach_the_floor_with_exact_evidence(shared):
    docs = [d for d in iter_documents([str(shared / "seeds")]) if isinstance(d, Document)]
    pred = []
    for d in docs:
        for r in extract(d):
            assert d.text[r.start:r.end] == r.evidence
            pred.append(r.to_dict())
    s = score(load(shared / "gold" / "seeds.jsonl"), pred)
    assert s["event_f1"] >= 0.60 and s["dyad_stance_f1"] >= 0.70, s
