"""The server store: chunks in PostgreSQL + pgvector (≥ 0.8), one table per schema (`chunks`).

- Dense: HNSW (`vector_cosine_ops`, m=16, ef_construction=64) on `embedding::vector(DIM)`, built
  by `optimize()` after the first bulk load and maintained by PostgreSQL after that. Filtered
  queries run with `hnsw.iterative_scan = relaxed_order`, so a selective filter still yields k
  results; when the scan stops short (hnsw.max_scan_tuples) the query is re-run exactly.
- Lexical: BM25 computed in SQL over PostgreSQL full-text lexemes (`to_tsvector('english')`,
  GIN index): the same formula, constants and per-collection IDF as the embedded store's
  (k1 1.2, b 0.75, average length 100), so hybrid rankings mean the same on both backends.
  Kept inside PostgreSQL (not in a search engine beside it) so that every reader on every
  machine sees the same, transactionally consistent lexical index.
- Hybrid: both lists are fetched with a margin, ranked and fused by ranking.py's rules, as on
  the embedded store.
- Filters: `filt` (JSONB) holds every filterable field as an array of normalised values (dates as
  UTC ISO strings), so equality and membership are GIN-indexed containment (`@>`); ranges are
  jsonpath predicates (numbers on `filt`, dates on `dates` as epoch seconds).
- Each call is one transaction; the manifest's pending/committed protocol makes a batch
  all-or-nothing across calls.
"""

from __future__ import annotations

import functools
import math
from datetime import datetime, timezone
from typing import Any, Iterable, Sequence

import numpy as np

from ragtune.corpus.frontmatter import normalize_date
from ragtune.errors import RagtuneError
from ragtune.index.filters import RESERVED, value_type
from ragtune.index.interfaces import MODES, REBUILD_HINT, SearchMode, Vectors
from ragtune.index.postgres.database import Database
from ragtune.index.ranking import TIE_MARGIN, SearchOne, check_query, fuse, hybrid_depth, rank_key
from ragtune.types import Chunk, Filter, Hit

STORE_NAME = "pgvector"
BM25_K1, BM25_B = 1.2, 0.75
BM25_AVG_LEN = 100.0  # the embedded store's fixed average length (edge.store.BM25_AVG_LEN)
TS_CONFIG = "english"
HNSW_M, HNSW_EF_CONSTRUCTION = 16, 64  # pgvector's defaults: builds ~2x faster than 128
HNSW_INDEX = "chunks_embedding_hnsw"


# ------------------------------------------------------------------ filter values


@functools.lru_cache(maxsize=65536)
def _date_forms(s: str) -> tuple[str, float] | None:
    """(UTC ISO string, epoch seconds) of a string that is a date, else None.

    Cached: normalize_date tries several strptime formats, and values repeat across chunks.
    """
    iso = normalize_date(s)
    if iso is None:
        return None
    d = datetime.fromisoformat(iso)
    if d.tzinfo is None:
        d = d.replace(tzinfo=timezone.utc)  # date-only values are midnight UTC (filters._date_key)
    return d.astimezone(timezone.utc).isoformat(), d.timestamp()


def _filter_value(v: Any) -> Any:
    """What equality compares: dates as UTC ISO strings (filters._equal's semantics)."""
    forms = _date_forms(v) if isinstance(v, str) else None
    return forms[0] if forms else v


def _epoch(v: Any) -> float | None:
    forms = _date_forms(v) if isinstance(v, str) else None
    return forms[1] if forms else None


def _filterable(c: Chunk) -> tuple[dict[str, list], dict[str, list]]:
    """(filt, dates) for a chunk: every field that `filters.matches` sees, as arrays."""
    fields = {**c.metadata, "doc_id": c.doc_id, "title": c.title, "heading": c.heading}
    filt: dict[str, list] = {}
    dates: dict[str, list] = {}
    for key, value in fields.items():
        if value is None or value == []:
            continue  # absent, as in filters.matches
        values = value if isinstance(value, list) else [value]
        filt[key] = [_filter_value(v) for v in values]
        epochs = [e for e in (_epoch(v) for v in values) if e is not None]
        if epochs:
            dates[key] = epochs
    return filt, dates


def _tsquery(terms: Sequence[str]) -> str:
    """Lexemes -> an OR tsquery in tsquery's own syntax (lexemes used verbatim)."""
    quoted = ("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in terms)
    return " | ".join(quoted)

# ------------------------------------------------------------------ the store

_COLUMNS = "chunk_id, doc_id, title, heading, text, metadata, collection"
_STAGING = """
CREATE TEMP TABLE IF NOT EXISTS ragtune_staging (
    collection text, chunk_id text, doc_id text, position integer, title text, heading text,
    text text, hash text, metadata json, filt jsonb, dates jsonb, lexical text, embedding vector
) ON COMMIT DELETE ROWS
"""
_STAGING_TYPES = ["text", "text", "text", "int4", "text", "text", "text", "text", "json",
                  "jsonb", "jsonb", "text", "vector"]  # fmt: skip
_MERGE = f"""
INSERT INTO chunks (collection, chunk_id, doc_id, position, title, heading, text, hash, metadata,
                    filt, dates, tsv, tf, n_terms, embedding)
SELECT s.collection, s.chunk_id, s.doc_id, s.position, s.title, s.heading, s.text, s.hash,
       s.metadata, s.filt, s.dates, v.tsv, t.tf, t.n_terms, s.embedding
FROM ragtune_staging s
CROSS JOIN LATERAL (SELECT to_tsvector('{TS_CONFIG}', s.lexical) AS tsv) v
CROSS JOIN LATERAL (
    SELECT coalesce(jsonb_object_agg(u.lexeme, cardinality(u.positions)), '{{}}') AS tf,
           coalesce(sum(cardinality(u.positions)), 0) AS n_terms
    FROM unnest(v.tsv) u
) t
ON CONFLICT (collection, chunk_id) DO UPDATE SET
    doc_id = EXCLUDED.doc_id, position = EXCLUDED.position, title = EXCLUDED.title,
    heading = EXCLUDED.heading, text = EXCLUDED.text, hash = EXCLUDED.hash,
    metadata = EXCLUDED.metadata, filt = EXCLUDED.filt, dates = EXCLUDED.dates,
    tsv = EXCLUDED.tsv, tf = EXCLUDED.tf, n_terms = EXCLUDED.n_terms,
    embedding = EXCLUDED.embedding
"""


class PgVectorStore(SearchOne):
    """`VectorStore` on PostgreSQL + pgvector (see the module docstring)."""

    name = STORE_NAME
    modes = MODES

    def __init__(self, db: Database | str, dim: int, hnsw_ef: int = 128):
        from psycopg import sql

        self.sql = sql
        self.owns_db = isinstance(db, str)
        self.db = Database(db, hnsw_ef) if isinstance(db, str) else db
        self.dim = int(dim)
        self.hnsw_ef = hnsw_ef
        # the expression the HNSW index is built on: the column holds any dimension
        self.vec = sql.SQL("embedding::vector({})").format(sql.Literal(self.dim))
        self._types: dict[str, str] = {}
        self._load_types()
        self.closed = False

    def _load_types(self) -> None:
        with self.db.connection() as conn:
            self._types = dict(conn.execute("SELECT name, kind FROM fields").fetchall())

    # -------------------------------------------------------------- writes

    def upsert(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        if len(chunks) != len(vectors):
            raise ValueError(f"{len(chunks)} chunks but {len(vectors)} vectors")
        if not len(chunks):
            return
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[1] != self.dim:
            raise RagtuneError(
                f"vectors have {vectors.shape[-1]} dimensions, the index {self.dim}",
                "the embedder changed: " + REBUILD_HINT,
            )
        last = {(c.collection, c.id): i for i, c in enumerate(chunks)}  # a repeated id: last wins
        new_fields = {}
        for c in chunks:
            for key, value in c.metadata.items():
                if key not in self._types and key not in new_fields:
                    kind = value_type(value)
                    if kind is not None:
                        new_fields[key] = kind
        with self.db.transaction() as conn:
            conn.execute(_STAGING)
            with conn.cursor() as cur, cur.copy(
                "COPY ragtune_staging FROM STDIN WITH (FORMAT BINARY)"
            ) as copy:
                copy.set_types(_STAGING_TYPES)
                for i in sorted(last.values()):
                    c = chunks[i]
                    filt, dates = _filterable(c)
                    copy.write_row((
                        c.collection, c.id, c.doc_id, c.position, c.title, c.heading, c.text,
                        c.hash, c.metadata, filt, dates, c.embed_text(), vectors[i],
                    ))  # fmt: skip
            conn.execute(_MERGE)
            if new_fields:
                with conn.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO fields (name, kind) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                        sorted(new_fields.items()),
                    )
        self._types.update(new_fields)

    def delete_documents(self, collection: str, doc_ids: Iterable[str]) -> None:
        self._delete("doc_id", collection, doc_ids)

    def delete_chunks(self, collection: str, chunk_ids: Iterable[str]) -> None:
        self._delete("chunk_id", collection, chunk_ids)

    def _delete(self, column: str, collection: str, values: Iterable[str]) -> None:
        ids = sorted(set(values))
        if ids:
            with self.db.connection() as conn:  # `column` is one of ours, never user input
                conn.execute(f"DELETE FROM chunks WHERE collection = %s AND {column} = ANY(%s)",
                             (collection, ids))  # fmt: skip

    def has_hnsw(self) -> bool:
        with self.db.connection() as conn:
            row = conn.execute(
                "SELECT 1 FROM pg_indexes WHERE schemaname = %s AND indexname = %s",
                (self.db.schema, HNSW_INDEX),
            ).fetchone()
        return row is not None

    def optimize(self) -> None:
        """Build the HNSW index once there are rows (bulk loads go faster without it), ANALYZE."""
        sql = self.sql
        with self.db.connection() as conn:
            rows = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
            if rows and not self.has_hnsw():
                # a build whose graph fits in maintenance_work_mem is several times faster;
                # raise it to the estimated graph size (never lower it, at most 1 GB)
                need_mb = min(1024, int(rows * (4 * self.dim + 200) * 1.25) >> 20)
                have_mb = conn.execute(
                    "SELECT setting::bigint * 1024 >> 20 FROM pg_settings WHERE name = 'maintenance_work_mem'"
                ).fetchone()[0]
                if need_mb > have_mb:
                    conn.execute(f"SET maintenance_work_mem = '{need_mb}MB'")
                conn.execute(sql.SQL(
                    "CREATE INDEX IF NOT EXISTS {} ON chunks USING hnsw (({}) vector_cosine_ops) "
                    "WITH (m = {}, ef_construction = {})"
                ).format(sql.Identifier(HNSW_INDEX), self.vec, sql.Literal(HNSW_M),
                         sql.Literal(HNSW_EF_CONSTRUCTION)))  # fmt: skip
                conn.execute("RESET maintenance_work_mem")
            conn.execute("ANALYZE chunks")

    def flush(self) -> None:
        """Nothing to do: every call is a committed (durable) transaction."""

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            if self.owns_db:
                self.db.close()

    # -------------------------------------------------------------- reads

    def search_batch(self, collection: str, k: int, texts: Sequence[str], vectors: Vectors | None = None,
                     filters: Filter | None = None, mode: SearchMode = "hybrid") -> list[list[Hit]]:  # fmt: skip
        """Several queries on one connection; same ranking rules as QdrantEdgeStore."""
        check_query(mode, vectors)
        if k <= 0:
            return [[] for _ in texts]
        where, params = self._where(collection, filters)
        depth = hybrid_depth(k)
        out = []
        with self.db.connection() as conn:
            terms = self._terms(conn, texts) if mode != "dense" else []
            idf = self._idf(conn, collection, {t for ts in terms for t in ts})
            for i, text in enumerate(texts):
                dense: list[Hit] = []
                sparse: list[Hit] = []
                if mode != "bm25":
                    vec = np.asarray(vectors[i], dtype=np.float32)  # type: ignore[index]
                    dense = self._dense_top(conn, vec, where, params, k if mode == "dense" else depth)
                if mode != "dense":
                    limit = (k if mode == "bm25" else depth) + TIE_MARGIN
                    sparse = sorted(
                        self._bm25(conn, terms[i], idf, where, params, limit),
                        key=rank_key,
                    )
                if mode == "dense":
                    out.append(dense[:k])
                elif mode == "bm25":
                    out.append(sparse[:k])
                else:
                    out.append(fuse(dense[:depth], sparse[:depth], k))
        return out

    def _dense_top(self, conn: Any, vec: np.ndarray, where: Any, params: list, need: int) -> list[Hit]:
        """The `need` nearest, ties at the cut broken by chunk id (ranking.py).

        One more row than needed tells whether the cut falls inside a tie; only then is a
        margin fetched (on a filtered HNSW scan every extra row costs index work).
        """
        hits = sorted(self._dense(conn, vec, where, params, need + 1), key=rank_key)
        if len(hits) > need and rank_key(hits[need])[0] == rank_key(hits[need - 1])[0]:
            hits = sorted(self._dense(conn, vec, where, params, need + TIE_MARGIN), key=rank_key)
        return hits[:need]

    def _dense(self, conn: Any, vec: np.ndarray, where: Any, params: list, limit: int) -> list[Hit]:
        sql = self.sql
        query = sql.SQL(
            "SELECT {cols}, {vec} <=> %s::vector AS distance FROM chunks WHERE {where} "
            "ORDER BY distance LIMIT %s"
        ).format(cols=sql.SQL(_COLUMNS), vec=self.vec, where=where)
        args = [vec, *params, limit]
        rows = conn.execute(query, args).fetchall()
        if len(rows) < limit:
            # the iterative HNSW scan may stop early (hnsw.max_scan_tuples) on a very selective
            # filter; a short answer is re-checked exactly (cheap: few rows match)
            with conn.transaction():
                conn.execute("SET LOCAL enable_indexscan = off")
                rows = conn.execute(query, args).fetchall()
        return [_hit(r, 1.0 - float(r[7])) for r in rows]

    def _idf(self, conn: Any, collection: str, terms: set[str]) -> dict[str, float]:
        """BM25 IDF of each term within the collection (as Qdrant's `Modifier.Idf`)."""
        if not terms:
            return {}
        n = self._n_docs(conn, collection)
        ordered = sorted(terms)
        rows = conn.execute(
            "SELECT t.term, (SELECT count(*) FROM chunks WHERE collection = %s AND tsv @@ t.q::tsquery) "
            "FROM unnest(%s::text[], %s::text[]) AS t(term, q)",
            (collection, ordered, [_tsquery([t]) for t in ordered]),
        ).fetchall()
        return {t: math.log(1.0 + (n - df + 0.5) / (df + 0.5)) for t, df in rows}

    def _bm25(
        self, conn: Any, terms: list[str], idf: dict[str, float], where: Any, params: list, limit: int
    ) -> list[Hit]:
        """BM25 over the chunks that contain any term (GIN), scored from the `tf` map."""
        terms = [t for t in terms if t in idf]
        if not terms:
            return []
        sql = self.sql
        # one term: w * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avg)); absent -> 0
        # length normalisation k1 * (1 - b + b * len / avg), folded into two float8 constants
        norm = sql.SQL("({}::float8 + {}::float8 * n_terms)").format(
            sql.Literal(BM25_K1 * (1 - BM25_B)), sql.Literal(BM25_K1 * BM25_B / BM25_AVG_LEN)
        )
        term_score = sql.SQL(
            "coalesce(%s::float8 * (tf ->> %s)::float8 / ((tf ->> %s)::float8 + {norm}), 0)"
        ).format(norm=norm)
        query = sql.SQL(
            "SELECT {cols}, {score} AS score FROM chunks WHERE {where} AND tsv @@ %s::tsquery "
            'ORDER BY score DESC, chunk_id COLLATE "C" LIMIT %s'
        ).format(cols=sql.SQL(_COLUMNS), score=sql.SQL(" + ").join([term_score] * len(terms)),
                 where=where)  # fmt: skip
        args: list[Any] = [p for t in terms for p in (idf[t] * (BM25_K1 + 1), t, t)]
        args += [*params, _tsquery(terms), limit]
        return [_hit(r, float(r[7])) for r in conn.execute(query, args).fetchall()]

    @staticmethod
    def _terms(conn: Any, texts: Sequence[str]) -> list[list[str]]:
        """Each query's distinct lexemes, by the same parser and stemmer as the documents'."""
        rows = conn.execute(
            f"SELECT array(SELECT lexeme FROM unnest(to_tsvector('{TS_CONFIG}', t)) ORDER BY 1) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS x(t, i) ORDER BY i",
            (list(texts),),
        ).fetchall()
        return [list(r[0]) for r in rows]

    @staticmethod
    def _n_docs(conn: Any, collection: str) -> int:
        return conn.execute("SELECT count(*) FROM chunks WHERE collection = %s", (collection,)).fetchone()[0]

    def get(self, collection: str, chunk_id: str) -> Chunk | None:
        with self.db.connection() as conn:
            row = conn.execute(
                "SELECT chunk_id, doc_id, text, position, collection, title, heading, metadata, hash "
                "FROM chunks WHERE collection = %s AND chunk_id = %s",
                (collection, chunk_id),
            ).fetchone()
        if row is None:
            return None
        return Chunk(id=row[0], doc_id=row[1], text=row[2], position=row[3], collection=row[4],
                     title=row[5], heading=row[6], metadata=row[7] or {}, hash=row[8])  # fmt: skip

    def count(self, collection: str | None = None) -> int:
        with self.db.connection() as conn:
            if collection is None:
                return conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
            return self._n_docs(conn, collection)

    def chunk_ids(self, collection: str) -> set[str]:
        with self.db.connection() as conn:
            rows = conn.execute("SELECT chunk_id FROM chunks WHERE collection = %s", (collection,))
            return {r[0] for r in rows}

    def info(self) -> dict[str, Any]:
        points = self.count()
        hnsw = self.has_hnsw()
        with self.db.connection() as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
            ext = conn.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'").fetchone()[0]
        return {
            "store": self.name,
            "points": points,
            "indexed_vectors": points if hnsw else 0,  # pgvector keeps the graph up to date
            "hnsw": hnsw,
            "schema": self.db.schema,
            "server": f"PostgreSQL {version}, pgvector {ext}",
        }

    # -------------------------------------------------------------- filters

    def field_type(self, field: str) -> str | None:
        if field in RESERVED:
            return "keyword"
        if field not in self._types:
            self._load_types()  # another process may have written it since
        return self._types.get(field)

    def _where(self, collection: str, flt: Filter | None) -> tuple[Any, list]:
        sql = self.sql
        if not flt:
            return sql.SQL("collection = %s"), [collection]
        cond, params = self.translate(flt)
        return sql.SQL("collection = %s AND ({})").format(cond), [collection, *params]

    def translate(self, flt: Filter) -> tuple[Any, list]:
        """A normalised filter (filters.normalize) -> (SQL condition, parameters)."""
        sql = self.sql
        if "and" in flt or "or" in flt:
            op = "and" if "and" in flt else "or"
            parts = [self.translate(x) for x in flt[op]]
            joined = sql.SQL(f" {op.upper()} ").join(sql.SQL("({})").format(c) for c, _ in parts)
            return joined, [p for _, ps in parts for p in ps]
        if "not" in flt:
            cond, params = self.translate(flt["not"])
            return sql.SQL("NOT ({})").format(cond), params
        field = flt["field"]
        conds: list[Any] = []
        params: list[Any] = []
        for op, value in flt.items():
            if op == "field":
                continue
            if op in ("eq", "contains", "ne"):
                c, p = self._contains(field, [value])
                conds.append(c if op != "ne" else sql.SQL("NOT ({})").format(c))
                params += p
            elif op in ("in", "nin"):
                c, p = self._contains(field, value)
                conds.append(c if op == "in" else sql.SQL("NOT ({})").format(c))
                params += p
            elif op == "exists":
                conds.append(sql.SQL("filt ? %s" if value else "NOT (filt ? %s)"))
                params.append(field)
            else:  # gt gte lt lte: numbers on filt, dates (ISO strings) on dates as epochs
                sym = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}[op]
                column = "dates" if isinstance(value, str) else "filt"
                bound = _epoch(value) if isinstance(value, str) else value
                if bound is None:
                    conds.append(sql.SQL("false"))
                    continue
                conds.append(sql.SQL(
                    "jsonb_path_exists(coalesce({} -> %s, '[]'), '$[*] ? (@ {} $v)', %s)"
                ).format(sql.Identifier(column), sql.SQL(sym)))  # fmt: skip
                params += [field, _jsonb({"v": bound})]
        return sql.SQL(" AND ").join(conds), params

    def _contains(self, field: str, values: list[Any]) -> tuple[Any, list]:
        """Any of `values` among the field's values: GIN-indexed JSONB containment."""
        sql = self.sql
        conds = [sql.SQL("filt @> %s")] * len(values)
        params = [_jsonb({field: [_filter_value(v)]}) for v in values]
        if len(conds) == 1:
            return conds[0], params
        return sql.SQL("({})").format(sql.SQL(" OR ").join(conds)), params


def _jsonb(value: Any) -> Any:
    from psycopg.types.json import Jsonb

    return Jsonb(value)


def _hit(row: Sequence[Any], score: float) -> Hit:
    return Hit(doc_id=row[1], chunk_id=row[0], score=score, text=row[4], title=row[2],
               heading=row[3], metadata=row[5] or {}, collection=row[6])  # fmt: skip
