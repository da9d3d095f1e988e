"""Named schema migrations, applied once each and recorded in ``schema_migrations``.

Append new migrations; never edit one that has shipped. The schema version
is the number of migrations applied.
"""
from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_documents", """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            title TEXT, url TEXT, published TEXT, source TEXT,
            path TEXT, format TEXT NOT NULL,
            text TEXT NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        )
    """),
    ("0002_extractions", """
        CREATE TABLE extractions (
            doc_id TEXT PRIMARY KEY,
            extractor TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            events INTEGER NOT NULL,
            extracted_at TIMESTAMP NOT NULL
        )
    """),
    ("0003_events", """
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL,
            extractor TEXT NOT NULL,
            actor TEXT NOT NULL, target TEXT NOT NULL, type TEXT NOT NULL,
            stance INTEGER NOT NULL, channel TEXT NOT NULL, date TEXT,
            evidence TEXT NOT NULL, start_offset INTEGER, end_offset INTEGER,
            confidence DOUBLE, person TEXT
        );
        CREATE INDEX events_doc ON events(doc_id);
        CREATE INDEX events_dyad ON events(actor, target);
    """),
]

MIGRATIONS.append(("0004_canonical", """
    CREATE TABLE canonical (
        event_id TEXT PRIMARY KEY,
        canonical_id TEXT NOT NULL
    );
    CREATE INDEX canonical_id ON canonical(canonical_id);
"""))

MIGRATIONS.append(("0005_indicators", """
    CREATE TABLE indicators (
        dataset TEXT NOT NULL,
        state TEXT NOT NULL, partner TEXT NOT NULL, indicator TEXT NOT NULL,
        period TEXT NOT NULL, value DOUBLE, unit TEXT NOT NULL,
        source TEXT NOT NULL, vintage TEXT, kind TEXT NOT NULL, change TEXT,
        doc_id TEXT, evidence TEXT, start_offset INTEGER, end_offset INTEGER, note TEXT,
        imported_at TIMESTAMP NOT NULL
    );
    CREATE INDEX indicators_pair ON indicators(state, partner);
    CREATE INDEX indicators_dataset ON indicators(dataset);
"""))

MIGRATIONS.append(("0006_derived", """
    CREATE TABLE store_meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
    INSERT INTO store_meta VALUES ('data_version', 0);
    CREATE TABLE derived (name TEXT PRIMARY KEY, key TEXT NOT NULL, data_version BIGINT NOT NULL,
                          built_at TIMESTAMP NOT NULL)
"""))
