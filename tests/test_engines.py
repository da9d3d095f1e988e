"""DuckDB and PostgreSQL give the same answers: the same corpus, GDELT file and
indicators through the CLI into each, then every reading command compared."""
import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from orbitwatch.cli import main
from test_gdelt import ROWS

PARADOX = Path(__file__).parent / "fixtures" / "paradox"

READS = [
    ["events", "--format", "jsonl"],
    ["events", "--canonical", "--format", "jsonl"],
    ["events", "--state", "KAZ", "--since", "2022-03", "--until", "2023", "--format", "jsonl"],
    ["summary", "--format", "jsonl"],
    ["index", "--period", "quarter", "--format", "jsonl"],
    ["index", "--source-weight", "gdelt=0", "--format", "jsonl"],
    ["verdict", "--format", "jsonl"],
    ["trend", "--state", "KAZ", "--power", "RUS", "--until", "2022-12", "--format", "jsonl"],
    ["indicators", "list", "--state", "KAZ", "--format", "jsonl"],
]


def _filled(at: str, gdelt: Path) -> None:
    run = CliRunner()
    for args in (["ingest", str(PARADOX)], ["import-gdelt", str(gdelt)], ["indicators", "load-bundled"]):
        result = run.invoke(main, [*args, "--db", at])
        assert result.exit_code == 0, result.output


def _rows(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


@pytest.fixture(scope="module")
def both(postgres_server, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("engines")
    gdelt = tmp / "20220301000000.export.CSV"
    gdelt.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    duck, pg = str(tmp / "d.duckdb"), postgres_server.new_database()
    for at in (duck, pg):
        _filled(at, gdelt)
    return duck, pg


@pytest.mark.parametrize("args", READS, ids=lambda a: " ".join(a[:3]))
def test_both_engines_give_the_same_answers(both, args):
    duck, pg = (CliRunner().invoke(main, [*args, "--db", at]) for at in both)
    assert duck.exit_code == pg.exit_code == 0, duck.output + pg.output
    rows = _rows(duck.output)
    assert rows, f"{args}: nothing to compare"
    assert _same(rows, _rows(pg.output))


def test_dask_ingest_into_postgres_equals_the_serial_run(postgres_server, tmp_path):
    pytest.importorskip("distributed")
    serial, parallel = postgres_server.new_database(), postgres_server.new_database()
    run = CliRunner()
    assert run.invoke(main, ["ingest", str(PARADOX), "--db", serial]).exit_code == 0
    assert run.invoke(main, ["ingest", str(PARADOX), "--workers", "2", "--partition", "1",
                             "--db", parallel]).exit_code == 0
    out = [run.invoke(main, ["events", "--format", "jsonl", "--db", at]).output for at in (serial, parallel)]
    assert out[0] and out[0] == out[1]
