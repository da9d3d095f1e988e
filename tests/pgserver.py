"""A throwaway PostgreSQL server for the tests, from Debian's `postgresql`
package (`.ci/run` installs it): initdb in a temporary directory, a free
loopback port, fsync off, stopped at the end of the session. A fresh database
per store keeps the tests independent.

``ORBITWATCH_TEST_POSTGRES=postgresql://user@host:port/db`` uses a running
server instead (its user must be allowed to create databases).
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ENV_URL = "ORBITWATCH_TEST_POSTGRES"


def binaries() -> Path | None:
    """The directory holding initdb and pg_ctl, or None."""
    found = shutil.which("initdb") or shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A running server and a counter of the databases made on it."""

    def __init__(self, url: str, stop=None):
        self.url = url.rstrip("/")
        self._stop = stop
        self._names = itertools.count(1)
        self._prefix = f"ow{os.getpid()}_"

    def new_database(self) -> str:
        import psycopg

        name = f"{self._prefix}{next(self._names)}"
        with psycopg.connect(self.url, autocommit=True) as con:
            con.execute(f"DROP DATABASE IF EXISTS {name}")
            con.execute(f"CREATE DATABASE {name}")
        return self.url.rsplit("/", 1)[0] + "/" + name

    def stop(self) -> None:
        if self._stop:
            self._stop()


def start(durable: bool = False) -> Server:
    """Start a server (or attach to $ORBITWATCH_TEST_POSTGRES); raises
    RuntimeError saying why one cannot be had. Tests run it without fsync;
    ``durable`` keeps PostgreSQL's defaults (for benchmarks)."""
    if os.environ.get(ENV_URL):
        return Server(os.environ[ENV_URL])
    bindir = binaries()
    if bindir is None:
        raise RuntimeError("no PostgreSQL server binaries (apt-get install postgresql)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise RuntimeError("psycopg is not installed (pip install 'orbitwatch[postgres]')") from None
    root = Path(tempfile.mkdtemp(prefix="orbitwatch-pg-"))
    # PostgreSQL refuses to run as root: run it as the package's `postgres` user.
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        shutil.chown(root, "postgres")
    data, port = root / "data", _free_port()
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True, text=True)  # noqa: E731
    fast = "" if durable else " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    try:
        run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-o",
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1" + fast, "start")
    except subprocess.CalledProcessError as e:
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"cannot start PostgreSQL: {(e.stderr or e.stdout).strip()[-300:]}") from None

    def stop():
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)

    server = Server(f"postgresql://postgres@127.0.0.1:{port}/postgres", stop)
    for _ in range(50):  # -w waits for the socket; the first connection may still race it
        try:
            server.new_database()
            return server
        except Exception:
            time.sleep(0.1)
    stop()
    raise RuntimeError("PostgreSQL started but accepts no connection")
