"""Named schema migrations, applied once each and recorded in ``schema_migrations``.

Append new migrations; never change what one that has shipped does. The
schema version is the number of migrations applied. They are written in SQL
that DuckDB and PostgreSQL both run (``dialect.migration`` spells the types
PostgreSQL names differently); 0007's view was rewritten without DuckDB's
QUALIFY for PostgreSQL, with the same rows.
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

# Corrections by people: an append-only audit log. Each row says what a person
# did to the record with key (doc_id, actor, target, type) and holds the whole
# record as it stands after the change (new_*), so the latest row per key is
# the corrected record. The machine's `events` are never overwritten; keys,
# not event ids, tie a correction to its record, so it survives re-extraction.
MIGRATIONS.append(("0007_corrections", """
    CREATE SEQUENCE corrections_seq;
    CREATE TABLE corrections (
        id BIGINT PRIMARY KEY DEFAULT nextval('corrections_seq'),
        doc_id TEXT NOT NULL, actor TEXT NOT NULL, target TEXT NOT NULL, type TEXT NOT NULL,
        action TEXT NOT NULL,
        new_actor TEXT, new_target TEXT, new_type TEXT, new_stance INTEGER, new_channel TEXT, new_date TEXT,
        evidence TEXT, start_offset INTEGER, end_offset INTEGER,
        author TEXT NOT NULL, reason TEXT, created_at TIMESTAMP NOT NULL,
        before TEXT, after TEXT
    );
    CREATE INDEX corrections_key ON corrections(doc_id, actor, target, type);
    CREATE VIEW events_corrected AS
    WITH latest AS (
        SELECT * FROM (
            SELECT corrections.*,
                   row_number() OVER (PARTITION BY doc_id, actor, target, type ORDER BY id DESC) AS nth
            FROM corrections) newest
        WHERE nth = 1
    )
    SELECT e.id, e.doc_id, e.extractor,
           coalesce(l.new_actor, e.actor) AS actor, coalesce(l.new_target, e.target) AS target,
           coalesce(l.new_type, e.type) AS type, coalesce(l.new_stance, e.stance) AS stance,
           coalesce(l.new_channel, e.channel) AS channel,
           CASE WHEN l.id IS NULL THEN e.date ELSE l.new_date END AS date,
           e.evidence, e.start_offset, e.end_offset,
           CASE WHEN l.id IS NULL THEN e.confidence ELSE 1.0 END AS confidence, e.person,
           CASE WHEN l.id IS NULL THEN 'machine' WHEN l.action = 'confirm' THEN 'confirmed' ELSE 'edited' END
               AS review, e.actor AS key_actor, e.target AS key_target, e.type AS key_type
    FROM events e
    LEFT JOIN latest l ON l.doc_id = e.doc_id AND l.actor = e.actor AND l.target = e.target AND l.type = e.type
    WHERE l.action IS NULL OR l.action <> 'reject'
    UNION ALL
    SELECT 'p' || substr(md5(l.doc_id || '|' || l.actor || '|' || l.target || '|' || l.type), 1, 15),
           l.doc_id, 'person:' || l.author, l.new_actor, l.new_target, l.new_type, l.new_stance, l.new_channel,
           l.new_date, l.evidence, l.start_offset, l.end_offset, 1.0, NULL, 'added', l.actor, l.target, l.type
    FROM latest l
    WHERE l.action <> 'reject' AND NOT EXISTS (
        SELECT 1 FROM events e
        WHERE e.doc_id = l.doc_id AND e.actor = l.actor AND e.target = l.target AND e.type = l.type)
"""))

# DuckDB keeps the new entries of an index in memory until the transaction
# commits: relinking 2.9 million events held 384 MB of index for canonical
# alone and ran out of a 512 MB limit. DuckDB joins by hashing and needs no
# index here; PostgreSQL keeps both (a statement marked /*postgres*/ runs on
# PostgreSQL only).
MIGRATIONS.append(("0008_canonical_unindexed_on_duckdb", """
    CREATE TABLE canonical_links (event_id TEXT NOT NULL, canonical_id TEXT NOT NULL);
    INSERT INTO canonical_links SELECT event_id, canonical_id FROM canonical;
    DROP TABLE canonical;
    ALTER TABLE canonical_links RENAME TO canonical;
    /*postgres*/ ALTER TABLE canonical ADD PRIMARY KEY (event_id);
    /*postgres*/ CREATE INDEX canonical_id ON canonical(canonical_id);
"""))
