-- faultline schema, version 1 (PostgreSQL; the same tables as the SQLite store's).
-- Documents and their extractions: the extraction JSON is the record of what the pipeline
-- produced; the fact tables below restate it row by row, with evidence offsets, for queries.

CREATE TABLE documents (
	seq          BIGSERIAL PRIMARY KEY,
	ord          BIGINT NOT NULL, -- ingest order (the queue's order for queued documents)
	id           TEXT NOT NULL UNIQUE,
	sha256       TEXT NOT NULL UNIQUE,
	title        TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	url          TEXT NOT NULL DEFAULT '',
	date         TEXT NOT NULL DEFAULT '',
	date_source  TEXT NOT NULL DEFAULT '',
	duplicate_of TEXT NOT NULL DEFAULT '',
	text         TEXT NOT NULL,
	ingested_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX documents_ord ON documents(ord);
CREATE SEQUENCE document_ord;

CREATE TABLE extractions (
	doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	json   TEXT NOT NULL
);

CREATE TABLE sentences (
	id     BIGSERIAL PRIMARY KEY,
	doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx    BIGINT NOT NULL,
	start  BIGINT NOT NULL,
	"end"    BIGINT NOT NULL,
	text   TEXT NOT NULL,
	tsv    tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED,
	UNIQUE (doc_id, idx)
);
-- Full-text index over sentences.
CREATE INDEX sentences_tsv ON sentences USING GIN (tsv);

CREATE TABLE entities (
	doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx    BIGINT NOT NULL,
	start  BIGINT NOT NULL,
	"end"    BIGINT NOT NULL,
	text   TEXT NOT NULL,
	type   TEXT NOT NULL,
	actor  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc_id, idx)
);

CREATE TABLE timexes (
	doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx       BIGINT NOT NULL,
	start     BIGINT NOT NULL,
	"end"       BIGINT NOT NULL,
	text      TEXT NOT NULL,
	value     TEXT NOT NULL DEFAULT '',
	precision TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc_id, idx)
);

CREATE TABLE events (
	doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx          BIGINT NOT NULL,
	start        BIGINT NOT NULL,
	"end"          BIGINT NOT NULL,
	trigger      TEXT NOT NULL,
	type         TEXT NOT NULL,
	mode         TEXT NOT NULL DEFAULT '',
	cameo        TEXT NOT NULL DEFAULT '',
	goldstein    DOUBLE PRECISION NOT NULL DEFAULT 0,
	source_start BIGINT, source_end BIGINT, source_text TEXT, source_actor TEXT,
	target_start BIGINT, target_end BIGINT, target_text TEXT, target_actor TEXT,
	date         TEXT NOT NULL DEFAULT '',
	date_text    TEXT NOT NULL DEFAULT '',
	place_start  BIGINT, place_end BIGINT, place_text TEXT,
	modality     TEXT NOT NULL DEFAULT '',
	sentence     BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (doc_id, idx)
);

CREATE TABLE ties (
	doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx        BIGINT NOT NULL,
	type       TEXT NOT NULL,
	sign       BIGINT NOT NULL,
	a_start    BIGINT NOT NULL, a_end BIGINT NOT NULL, a_text TEXT NOT NULL, a_actor TEXT NOT NULL DEFAULT '',
	b_start    BIGINT NOT NULL, b_end BIGINT NOT NULL, b_text TEXT NOT NULL, b_actor TEXT NOT NULL DEFAULT '',
	ev_start   BIGINT NOT NULL,
	ev_end     BIGINT NOT NULL,
	modality   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc_id, idx)
);

CREATE TABLE quotes (
	doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx           BIGINT NOT NULL,
	start         BIGINT NOT NULL,
	"end"           BIGINT NOT NULL,
	text          TEXT NOT NULL,
	speaker_start BIGINT, speaker_end BIGINT, speaker_text TEXT, speaker_actor TEXT,
	PRIMARY KEY (doc_id, idx)
);

CREATE TABLE figures (
	doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx    BIGINT NOT NULL,
	start  BIGINT NOT NULL,
	"end"    BIGINT NOT NULL,
	text   TEXT NOT NULL,
	value  DOUBLE PRECISION NOT NULL,
	unit   TEXT NOT NULL DEFAULT '',
	about  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc_id, idx)
);

-- The corpus model, replaced as a whole by SaveModel. ord keeps the model's order.

CREATE TABLE model_documents (
	ord          BIGINT PRIMARY KEY,
	id           TEXT NOT NULL,
	title        TEXT NOT NULL DEFAULT '',
	date         TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	sha256       TEXT NOT NULL DEFAULT '',
	duplicate_of TEXT NOT NULL DEFAULT ''
);

CREATE TABLE actors (
	ord       BIGINT PRIMARY KEY,
	id        TEXT NOT NULL UNIQUE,
	canonical TEXT NOT NULL,
	type      TEXT NOT NULL DEFAULT '',
	country   TEXT NOT NULL DEFAULT '',
	roles     TEXT NOT NULL DEFAULT '[]', -- JSON array
	docs      BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE aliases (
	actor_ord BIGINT NOT NULL REFERENCES actors(ord) ON DELETE CASCADE,
	idx       BIGINT NOT NULL,
	alias     TEXT NOT NULL,
	PRIMARY KEY (actor_ord, idx)
);
CREATE INDEX aliases_alias ON aliases(alias);

CREATE TABLE mentions (
	actor_ord BIGINT NOT NULL REFERENCES actors(ord) ON DELETE CASCADE,
	idx       BIGINT NOT NULL,
	doc       TEXT NOT NULL,
	start     BIGINT NOT NULL,
	"end"       BIGINT NOT NULL,
	PRIMARY KEY (actor_ord, idx)
);
CREATE INDEX mentions_doc ON mentions(doc);

CREATE TABLE model_ties (
	ord      BIGINT PRIMARY KEY,
	a        TEXT NOT NULL,
	b        TEXT NOT NULL,
	type     TEXT NOT NULL,
	sign     BIGINT NOT NULL,
	weight   DOUBLE PRECISION NOT NULL,
	modality TEXT NOT NULL DEFAULT ''
);
CREATE INDEX model_ties_a ON model_ties(a);
CREATE INDEX model_ties_b ON model_ties(b);

CREATE TABLE model_tie_evidence (
	tie_ord BIGINT NOT NULL REFERENCES model_ties(ord) ON DELETE CASCADE,
	idx     BIGINT NOT NULL,
	doc     TEXT NOT NULL,
	start   BIGINT NOT NULL,
	"end"     BIGINT NOT NULL,
	PRIMARY KEY (tie_ord, idx)
);

CREATE TABLE model_events (
	ord       BIGINT PRIMARY KEY,
	doc       TEXT NOT NULL,
	source    TEXT NOT NULL DEFAULT '',
	target    TEXT NOT NULL DEFAULT '',
	type      TEXT NOT NULL,
	mode      TEXT NOT NULL DEFAULT '',
	cameo     TEXT NOT NULL DEFAULT '',
	goldstein DOUBLE PRECISION NOT NULL DEFAULT 0,
	trigger   TEXT NOT NULL DEFAULT '',
	date      TEXT NOT NULL DEFAULT '',
	date_text TEXT NOT NULL DEFAULT '',
	place     TEXT NOT NULL DEFAULT '',
	modality  TEXT NOT NULL DEFAULT '',
	ev_doc    TEXT NOT NULL,
	ev_start  BIGINT NOT NULL,
	ev_end    BIGINT NOT NULL
);
CREATE INDEX model_events_source ON model_events(source);
CREATE INDEX model_events_target ON model_events(target);
CREATE INDEX model_events_date ON model_events(date);

CREATE TABLE model_quotes (
	ord     BIGINT PRIMARY KEY,
	doc     TEXT NOT NULL,
	speaker TEXT NOT NULL DEFAULT '',
	start   BIGINT NOT NULL,
	"end"     BIGINT NOT NULL,
	text    TEXT NOT NULL
);

CREATE TABLE model_figures (
	ord   BIGINT PRIMARY KEY,
	doc   TEXT NOT NULL,
	start BIGINT NOT NULL,
	"end"   BIGINT NOT NULL,
	text  TEXT NOT NULL,
	value DOUBLE PRECISION NOT NULL,
	unit  TEXT NOT NULL DEFAULT '',
	about TEXT NOT NULL DEFAULT ''
);

CREATE TABLE paradoxes (
	ord         BIGINT PRIMARY KEY,
	actors      TEXT NOT NULL, -- JSON array of actor ids
	signs       TEXT NOT NULL, -- JSON array of signs
	score       DOUBLE PRECISION NOT NULL DEFAULT 0,
	explanation TEXT NOT NULL DEFAULT '',
	kind        TEXT NOT NULL DEFAULT '',
	evidence    TEXT NOT NULL  -- JSON array of evidence
);

-- Analysts' corrections to actor resolution; they survive re-ingest and model rebuilds.
CREATE TABLE overrides (
	id         BIGSERIAL PRIMARY KEY,
	kind       TEXT NOT NULL,
	actor      TEXT NOT NULL,
	other      TEXT NOT NULL DEFAULT '',
	name       TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);

-- The shared ingest queue: documents read by any machine wait here until a worker claims one
-- (SELECT … FOR UPDATE SKIP LOCKED), extracts it and stores it in the same transaction.
CREATE TABLE ingest_queue (
	qid        BIGINT PRIMARY KEY DEFAULT nextval('document_ord'),
	sha256     TEXT NOT NULL UNIQUE,
	source     TEXT NOT NULL DEFAULT '',
	doc        JSONB NOT NULL,
	state      TEXT NOT NULL DEFAULT 'pending', -- pending, done, failed
	error      TEXT NOT NULL DEFAULT '',
	queued_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
	done_at    TIMESTAMPTZ
);
CREATE INDEX ingest_queue_pending ON ingest_queue(qid) WHERE state = 'pending';
