"""A full-text index of folded documents keyed by record id: FTS5 on SQLite, pg_trgm LIKE on PostgreSQL.

Queries are word prefixes ("mull" finds "Müller"); all terms must match. Callers build the documents
(folded words) and keep them in step inside the same transaction as the change they describe.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, text
from sqlalchemy.orm import Session

from coop_desk.services.names import fold

_NON_WORD = re.compile(r"[^0-9a-z]+")


def words(value: str) -> list[str]:
    """Folded words of a text: 'Müller-de Vries' → ['muller', 'de', 'vries']."""
    return [w for w in _NON_WORD.split(fold(value)) if w]


def terms(query: str) -> list[str]:
    """The distinct folded words typed."""
    return list(dict.fromkeys(words(query)))


@dataclass(frozen=True)
class FullTextIndex:
    sqlite_table: str
    other_table: str
    other_key: str

    def _table(self, session: Session) -> tuple[str, str, bool]:
        sqlite = session.get_bind().dialect.name == "sqlite"
        return (self.sqlite_table, "rowid", True) if sqlite else (self.other_table, self.other_key, False)

    def write(self, session: Session, documents: dict[int, str], replace: Iterable[int] = ()) -> None:
        """Store documents by id; ids in `replace` lose their old document first."""
        table, key, _ = self._table(session)
        old = [int(i) for i in replace]
        for start in range(0, len(old), 500):
            chunk = ",".join(str(i) for i in old[start : start + 500])
            session.execute(text(f"DELETE FROM {table} WHERE {key} IN ({chunk})"))
        if documents:
            session.execute(
                text(f"INSERT INTO {table} ({key}, document) VALUES (:id, :doc)"),
                [{"id": key_id, "doc": doc} for key_id, doc in documents.items()],
            )

    def clear(self, session: Session) -> None:
        table, _, _ = self._table(session)
        session.execute(text(f"DELETE FROM {table}"))

    def matching_ids(self, session: Session, query_terms: list[str], id_column: ColumnElement) -> ColumnElement:
        """A condition `id_column IN (ids whose document has every term as a word prefix)`."""
        table, key, sqlite = self._table(session)
        if sqlite:
            match = " AND ".join(f'"{t}"*' for t in query_terms)
            ids = text(f"SELECT rowid FROM {table} WHERE {table} MATCH :match").bindparams(match=match)
            return id_column.in_(ids.columns(rowid=id_column.type))
        conditions = " AND ".join(f"(' ' || document) LIKE :t{i}" for i in range(len(query_terms)))
        params = {f"t{i}": f"% {t}%" for i, t in enumerate(query_terms)}
        ids = text(f"SELECT {key} FROM {table} WHERE {conditions}").bindparams(**params)
        return id_column.in_(ids.columns(**{key: id_column.type}))
