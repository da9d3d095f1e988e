"""Shared fixtures: the shared/ folder beside the repository, when present."""
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
ROOT = Path(__file__).resolve().parents[1]


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
