"""The ingest fuzzer (fuzz/fuzz_ingest.py): a short run in CI, and proof that it catches what it should."""
import importlib.util
import random
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[1] / "fuzz" / "fuzz_ingest.py"


@pytest.fixture(scope="module")
def fuzz():
    spec = importlib.util.spec_from_file_location("fuzz_ingest", FUZZ)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up there
    spec.loader.exec_module(mod)
    yield mod
    del sys.modules[spec.name]


def test_fuzz_ingest_short_run_finds_no_failure(fuzz, tmp_path):
    result = fuzz.run(seconds=5, out=tmp_path)
    assert result.tried > 0 and set(result.per_target) == set(fuzz.SEEDS)
    saved = "\n\n".join(p.with_suffix(".traceback.txt").read_text()
                        for p in sorted(tmp_path.glob("*.traceback.txt")))
    assert not result.failures, f"seed {result.seed}: {result.line()}\n{saved}"


def test_fuzz_ingest_seeds_are_read_without_error(fuzz, tmp_path):
    """Mutants of inputs the readers refuse would test the refusal only."""
    for target, seeds in fuzz.SEEDS.items():
        for data in seeds:
            fuzz.run_one(target, data, tmp_path, random.Random(0))


def test_fuzz_ingest_an_exception_is_saved_and_fails_the_run(fuzz, tmp_path, monkeypatch, capsys):
    def broken(path):
        raise KeyError("planted")
        yield
    monkeypatch.setattr(fuzz, "read_gdelt", broken)
    assert fuzz.main(["--seconds", "1", "--seed", "1", "--out", str(tmp_path)]) == 1
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith("inputs tried: ") and last.endswith("failures: 1")
    [saved] = tmp_path.glob("gdelt-*.csv")
    assert "KeyError: 'planted'" in saved.with_name(saved.stem + ".traceback.txt").read_text()


def test_fuzz_ingest_an_offset_outside_the_document_is_a_failure(fuzz, tmp_path, monkeypatch):
    from dataclasses import replace
    real = fuzz.extract
    monkeypatch.setattr(fuzz, "extract", lambda doc: [replace(r, end=r.end + 1) for r in real(doc)])
    result = fuzz.run(seconds=1, seed=2, out=tmp_path, targets=("extract",))
    assert result.failures


def test_fuzz_ingest_known_bugs_count_apart_unless_strict(fuzz, tmp_path, monkeypatch):
    def deep(target, data, folder, rng):
        if target == "jsonl":
            raise RecursionError("maximum recursion depth exceeded while decoding a JSON array")
    monkeypatch.setattr(fuzz, "run_one", deep)
    monkeypatch.setattr(fuzz, "KNOWN", (("jsonl", RecursionError, r"", "a planted known bug"),))
    lenient = fuzz.run(seconds=0.5, seed=3, out=tmp_path / "a", targets=("jsonl", "text"))
    assert lenient.known and not lenient.failures
    strict = fuzz.run(seconds=0.5, seed=3, out=tmp_path / "b", targets=("jsonl", "text"), strict=True)
    assert len(strict.failures) == 1
