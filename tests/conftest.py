"""Shared fixtures: the shared/ folder beside the repository, when present."""
import os
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))  # helper modules beside the tests (pgserver, chromium)


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "gold" / "seeds.jsonl").exists():
        pytest.skip("../shared/ is not present")
    return SHARED


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path and return its path."""
    def _write(name: str, content, encoding: str = "utf-8") -> Path:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding=encoding)
        return p
    return _write


# --- stores: every test that takes `make_store` runs on DuckDB and on PostgreSQL ---

ENGINES = ("duckdb", "postgres")
REQUIRE_POSTGRES = "ORBITWATCH_REQUIRE_POSTGRES"  # set by .ci/run: a missing server fails, not skips


@pytest.fixture(scope="session")
def postgres_server():
    from pgserver import start

    try:
        server = start()
    except RuntimeError as e:
        if os.environ.get(REQUIRE_POSTGRES):
            pytest.fail(f"PostgreSQL is required here ({REQUIRE_POSTGRES} is set): {e}")
        pytest.skip(f"PostgreSQL tests skipped: {e}")
    yield server
    server.stop()


@pytest.fixture(params=ENGINES)
def engine(request) -> str:
    return request.param


@pytest.fixture
def make_store(engine, request, tmp_path):
    """A factory of fresh, empty stores of the engine under test.

    ``make_store()`` opens one; ``make_store.location()`` gives a new empty
    location (a DuckDB path or a postgresql:// URL) for a CLI's --db."""
    from orbitwatch.store import open_store

    server = request.getfixturevalue("postgres_server") if engine == "postgres" else None
    counter = iter(range(10**6))
    opened = []

    def location() -> str:
        if server:
            return server.new_database()
        return str(tmp_path / f"store{next(counter)}.duckdb")

    def make(at: str | None = None):
        store = open_store(at or location())
        opened.append(store)
        return store

    make.location, make.engine = location, engine
    yield make
    for store in opened:
        try:
            store.close()
        except Exception:
            pass


# --- Hypothesis profiles: `ci` by default; `HYPOTHESIS_PROFILE=long` searches 20 times longer ---

from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
