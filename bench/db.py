"""The bench's throw-away databases: a SQLite file under the temporary folder, or a PostgreSQL
database the bench creates and drops itself (never ``test`` or ``postgres``). Called before
``django.setup()``: it points DATABASE_URL at the chosen database."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = os.environ.get("BENCH_PG_SERVER", "postgresql://postgres@127.0.0.1:5432")
PG_NAMES = {"full": "bench_national", "small": "bench_national_small", "tiny": "bench_national_tiny"}
PROTECTED = {"test", "postgres", "template0", "template1"}
CACHE = Path(os.environ.get("BENCH_CACHE", Path(tempfile.gettempdir()) / "fa-bench-national"))


def sqlite_path(scale: str) -> Path:
    return CACHE / f"national-{scale}.sqlite3"


def pg_url(scale: str) -> str:
    return f"{PG_SERVER}/{PG_NAMES[scale]}"


def pg_admin(sql: str, name: str) -> None:
    """CREATE/DROP DATABASE on the server (connected to the maintenance database)."""
    import psycopg

    if name in PROTECTED:
        raise ValueError(f"the bench never touches the database {name!r}")
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql.format(name=name))


def pg_exists(name: str) -> bool:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def pg_create(scale: str) -> None:
    name = PG_NAMES[scale]
    if not pg_exists(name):
        pg_admin('CREATE DATABASE "{name}"', name)


def pg_drop(scale: str) -> None:
    name = PG_NAMES[scale]
    pg_admin('DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', name)


def configure(engine: str, scale: str) -> None:
    """Point Django at the bench database (before django.setup()); creates an empty PG database."""
    sys.path.insert(0, str(ROOT))
    var = CACHE / "var"
    var.mkdir(parents=True, exist_ok=True)
    os.environ["FA_VAR_DIR"] = str(var)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "foreign_affairs.settings")
    if engine == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite://{sqlite_path(scale)}"
    elif engine == "postgresql":
        pg_create(scale)
        os.environ["DATABASE_URL"] = pg_url(scale)
    else:
        raise ValueError(f"unknown database engine {engine!r}: sqlite or postgresql")


def reset(engine: str, scale: str) -> None:
    """Throw the database away (before django.setup())."""
    if engine == "sqlite":
        path = sqlite_path(scale)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        pg_drop(scale)


def main() -> None:
    if "--drop" not in sys.argv:
        sys.exit("usage: python -m bench.db --drop   (throws every bench database away)")
    for scale in PG_NAMES:
        reset("sqlite", scale)
        try:
            reset("postgresql", scale)
        except Exception as exc:  # noqa: BLE001 - no server: nothing to drop there
            print(f"PostgreSQL {PG_NAMES[scale]}: {exc}")
    print("bench databases dropped")


if __name__ == "__main__":
    main()
