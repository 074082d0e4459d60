-- ragtune on PostgreSQL, schema version 1.
--
-- Applied by ragtune.index.postgres.database.migrate() inside one transaction, with search_path set to
-- the project's schema (default `ragtune`; `?schema=NAME` in the URL). Never edit an applied
-- migration: add 0002_*.sql. The HNSW index is not created here: the store builds it after the
-- first bulk load (optimize()), for the embedder's dimension, as
--   CREATE INDEX chunks_embedding_hnsw ON chunks
--     USING hnsw ((embedding::vector(DIM)) vector_cosine_ops) WITH (m = 16, ef_construction = 64);

-- key/value facts about the index: `format` (JSON: dimension, embedder, created_at)
CREATE TABLE meta (
    key text PRIMARY KEY,
    value text NOT NULL
);

-- the store: one row per chunk, every collection in one table (the collection is in every query)
CREATE TABLE chunks (
    collection text NOT NULL,
    chunk_id text NOT NULL,
    doc_id text NOT NULL,
    position integer NOT NULL DEFAULT 0,
    title text NOT NULL DEFAULT '',
    heading text NOT NULL DEFAULT '',
    text text NOT NULL DEFAULT '',
    hash text NOT NULL DEFAULT '',
    metadata json NOT NULL DEFAULT '{}',   -- as given (json keeps key order)
    filt jsonb NOT NULL DEFAULT '{}',      -- filterable copy: field -> [normalised values]
    dates jsonb NOT NULL DEFAULT '{}',     -- field -> [epoch seconds] for date-valued fields
    tsv tsvector NOT NULL,                 -- english lexemes of title + heading + text
    tf jsonb NOT NULL DEFAULT '{}',        -- BM25 term frequencies: lexeme -> count
    n_terms integer NOT NULL DEFAULT 0,    -- BM25 document length
    embedding vector NOT NULL,             -- cosine; dimension fixed per index (meta.format)
    PRIMARY KEY (collection, chunk_id)
);
CREATE INDEX chunks_by_doc ON chunks (collection, doc_id);
CREATE INDEX chunks_tsv ON chunks USING gin (tsv);
CREATE INDEX chunks_filt ON chunks USING gin (filt jsonb_path_ops);

-- metadata fields seen, with the type of their values (keyword, number, datetime, bool)
CREATE TABLE fields (
    name text PRIMARY KEY,
    kind text NOT NULL
);

-- the manifest (same meaning as ragtune/index/manifest.py's SQLite tables)
CREATE TABLE documents (
    collection text NOT NULL,
    doc_id text NOT NULL,
    root text NOT NULL,
    source text NOT NULL,
    content_hash text NOT NULL,
    title text NOT NULL DEFAULT '',
    metadata text NOT NULL DEFAULT '{}',
    n_chunks integer NOT NULL DEFAULT 0,
    state text NOT NULL CHECK (state IN ('pending', 'committed', 'deleting')),
    updated_at double precision NOT NULL,
    PRIMARY KEY (collection, doc_id)
);
CREATE INDEX documents_by_root ON documents (collection, root);
CREATE INDEX documents_unfinished ON documents (state) WHERE state <> 'committed';

CREATE TABLE document_chunks (
    collection text NOT NULL,
    chunk_id text NOT NULL,
    doc_id text NOT NULL,
    position integer NOT NULL,
    hash text NOT NULL,
    PRIMARY KEY (collection, chunk_id)
);
CREATE INDEX document_chunks_by_doc ON document_chunks (collection, doc_id);
CREATE INDEX document_chunks_by_id ON document_chunks (chunk_id);

CREATE TABLE files (
    collection text NOT NULL,
    root text NOT NULL,
    relpath text NOT NULL,
    size bigint NOT NULL,
    mtime_ns bigint NOT NULL,
    signature text NOT NULL,
    PRIMARY KEY (collection, root, relpath)
);
