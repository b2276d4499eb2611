"""A library in PostgreSQL (server mode), shared by every replica: the tables and their store."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from sqlalchemy import (
    Column,
    Engine,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    select,
    text,
)
from sqlalchemy.exc import IntegrityError, ProgrammingError, SQLAlchemyError

from knowledge.errors import CorpusError
from knowledge.library_store import PG_LIBRARY_LOCK

_METADATA = MetaData()
_MANIFEST = Table(
    "library_manifest",
    _METADATA,
    Column("id", Integer, primary_key=True),
    Column("generation", Integer, nullable=False),
    Column("body", LargeBinary, nullable=False),
)
_FILES = Table(
    "library_files",
    _METADATA,
    Column("name", String(255), primary_key=True),
    Column("body", LargeBinary, nullable=False),
)
_EXTRACTIONS = Table(
    "library_extractions",
    _METADATA,
    Column("source_id", String(255), primary_key=True),
    Column("body", LargeBinary, nullable=False),
)
_ENGINES: dict[str, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def _engine(url: str) -> Engine:
    """One engine per database URL, with the library's tables created if missing."""
    with _ENGINES_LOCK:
        if url not in _ENGINES:
            try:
                engine = create_engine(url, pool_pre_ping=True)
                try:
                    _create_tables(engine)
                except (IntegrityError, ProgrammingError):
                    # Another process created the same tables at the same moment without taking the lock (an
                    # older version): they exist now, so checking again finds them.
                    _create_tables(engine)
            except SQLAlchemyError as exc:
                raise CorpusError(
                    f"the shared library's database is unavailable: {str(exc).splitlines()[0]}"
                ) from exc
            _ENGINES[url] = engine
        return _ENGINES[url]


def _create_tables(engine: Engine) -> None:
    """Create the library's tables if missing; on PostgreSQL one process at a time (replicas start together)."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            # held until this transaction ends: a second replica waits, then finds the tables
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LIBRARY_LOCK + 1})
        _METADATA.create_all(connection, checkfirst=True)


class SqlStore:
    """A library in PostgreSQL (server mode): every replica and the CLI read and write the same one."""

    def __init__(self, database_url: str) -> None:
        self.engine = _engine(database_url)

    def read_manifest(self) -> bytes | None:
        """The committed manifest (None for a library never written)."""
        with self._errors(), self.engine.connect() as conn:
            row = conn.execute(select(_MANIFEST.c.body).where(_MANIFEST.c.id == 1)).first()
        return bytes(row[0]) if row else None

    def commit(
        self,
        manifest: bytes,
        files: dict[str, bytes],
        extractions: dict[str, bytes],
        keep_files: set[str],
        keep_extractions: set[str],
    ) -> None:
        """Write everything in one transaction: its commit is the library's."""
        with self._errors(), self.engine.begin() as conn:
            for table, key, items in ((_FILES, "name", files), (_EXTRACTIONS, "source_id", extractions)):
                for name, data in items.items():
                    conn.execute(delete(table).where(table.c[key] == name))
                    conn.execute(table.insert().values({key: name, "body": data}))
            generation = conn.execute(select(_MANIFEST.c.generation).where(_MANIFEST.c.id == 1)).scalar()
            conn.execute(delete(_MANIFEST).where(_MANIFEST.c.id == 1))
            conn.execute(_MANIFEST.insert().values(id=1, generation=(generation or 0) + 1, body=manifest))
            conn.execute(delete(_FILES).where(_FILES.c.name.not_in(keep_files or {""})))
            conn.execute(
                delete(_EXTRACTIONS).where(_EXTRACTIONS.c.source_id.not_in(keep_extractions or {""}))
            )

    def read_file(self, name: str) -> bytes:
        """An article's text (OSError when missing)."""
        with self._errors(), self.engine.connect() as conn:
            row = conn.execute(select(_FILES.c.body).where(_FILES.c.name == name)).first()
        if row is None:
            raise FileNotFoundError(f"no text {name!r} in the shared library")
        return bytes(row[0])

    def read_extraction(self, source_id: str) -> bytes | None:
        """A stored extraction, or None."""
        with self._errors(), self.engine.connect() as conn:
            row = conn.execute(
                select(_EXTRACTIONS.c.body).where(_EXTRACTIONS.c.source_id == source_id)
            ).first()
        return bytes(row[0]) if row else None

    def write_extraction(self, source_id: str, data: bytes) -> None:
        """Store an extraction outside a commit."""
        with self._errors(), self.engine.begin() as conn:
            conn.execute(delete(_EXTRACTIONS).where(_EXTRACTIONS.c.source_id == source_id))
            conn.execute(_EXTRACTIONS.insert().values(source_id=source_id, body=data))

    def discard(self, files: list[str], extractions: list[str]) -> None:
        """Nothing to do: a failed commit's transaction wrote nothing."""

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """A PostgreSQL session advisory lock held for the whole ingest or removal."""
        with self._errors(), self.engine.connect() as conn:
            if self.engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": PG_LIBRARY_LOCK})
                conn.commit()
            try:
                yield
            finally:
                if self.engine.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": PG_LIBRARY_LOCK})
                    conn.commit()

    def version(self) -> int:
        """The generation of the committed manifest (0 if none)."""
        with self._errors(), self.engine.connect() as conn:
            return int(conn.execute(select(_MANIFEST.c.generation).where(_MANIFEST.c.id == 1)).scalar() or 0)

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            raise CorpusError(
                f"the shared library's database is unavailable: {str(exc).splitlines()[0]}"
            ) from exc
