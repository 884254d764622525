-- faultline schema, version 1.
-- Documents and their extractions: the extraction JSON is the record of what the pipeline
-- produced; the fact tables below restate it row by row, with evidence offsets, for queries.

CREATE TABLE documents (
	seq          INTEGER PRIMARY KEY AUTOINCREMENT, -- ingest order
	id           TEXT NOT NULL UNIQUE,
	sha256       TEXT NOT NULL UNIQUE,
	title        TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	url          TEXT NOT NULL DEFAULT '',
	date         TEXT NOT NULL DEFAULT '',
	date_source  TEXT NOT NULL DEFAULT '',
	duplicate_of TEXT NOT NULL DEFAULT '',
	text         TEXT NOT NULL,
	ingested_at  TEXT NOT NULL
);

CREATE TABLE extractions (
	doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	json   TEXT NOT NULL
);

CREATE TABLE sentences (
	id     INTEGER PRIMARY KEY,
	doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx    INTEGER NOT NULL,
	start  INTEGER NOT NULL,
	end    INTEGER NOT NULL,
	text   TEXT NOT NULL,
	UNIQUE (doc_id, idx)
);

-- Full-text index over sentences (external content: the text lives in sentences).
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');

CREATE TABLE entities (
	doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx    INTEGER NOT NULL,
	start  INTEGER NOT NULL,
	end    INTEGER NOT NULL,
	text   TEXT NOT NULL,
	type   TEXT NOT NULL,
	actor  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc_id, idx)
);

CREATE TABLE timexes (
	doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx       INTEGER NOT NULL,
	start     INTEGER NOT NULL,
	end       INTEGER NOT NULL,
	text      TEXT NOT NULL,
	value     TEXT NOT NULL DEFAULT '',
	precision TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc_id, idx)
);

CREATE TABLE events (
	doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx          INTEGER NOT NULL,
	start        INTEGER NOT NULL,
	end          INTEGER NOT NULL,
	trigger      TEXT NOT NULL,
	type         TEXT NOT NULL,
	mode         TEXT NOT NULL DEFAULT '',
	cameo        TEXT NOT NULL DEFAULT '',
	goldstein    REAL NOT NULL DEFAULT 0,
	source_start INTEGER, source_end INTEGER, source_text TEXT, source_actor TEXT,
	target_start INTEGER, target_end INTEGER, target_text TEXT, target_actor TEXT,
	date         TEXT NOT NULL DEFAULT '',
	date_text    TEXT NOT NULL DEFAULT '',
	place_start  INTEGER, place_end INTEGER, place_text TEXT,
	modality     TEXT NOT NULL DEFAULT '',
	sentence     INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (doc_id, idx)
);

CREATE TABLE ties (
	doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	type       TEXT NOT NULL,
	sign       INTEGER NOT NULL,
	a_start    INTEGER NOT NULL, a_end INTEGER NOT NULL, a_text TEXT NOT NULL, a_actor TEXT NOT NULL DEFAULT '',
	b_start    INTEGER NOT NULL, b_end INTEGER NOT NULL, b_text TEXT NOT NULL, b_actor TEXT NOT NULL DEFAULT '',
	ev_start   INTEGER NOT NULL,
	ev_end     INTEGER NOT NULL,
	modality   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc_id, idx)
);

CREATE TABLE quotes (
	doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx           INTEGER NOT NULL,
	start         INTEGER NOT NULL,
	end           INTEGER NOT NULL,
	text          TEXT NOT NULL,
	speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT, speaker_actor TEXT,
	PRIMARY KEY (doc_id, idx)
);

CREATE TABLE figures (
	doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx    INTEGER NOT NULL,
	start  INTEGER NOT NULL,
	end    INTEGER NOT NULL,
	text   TEXT NOT NULL,
	value  REAL NOT NULL,
	unit   TEXT NOT NULL DEFAULT '',
	about  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc_id, idx)
);

-- The corpus model, replaced as a whole by SaveModel. ord keeps the model's order.

CREATE TABLE model_documents (
	ord          INTEGER PRIMARY KEY,
	id           TEXT NOT NULL,
	title        TEXT NOT NULL DEFAULT '',
	date         TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	sha256       TEXT NOT NULL DEFAULT '',
	duplicate_of TEXT NOT NULL DEFAULT ''
);

CREATE TABLE actors (
	ord       INTEGER PRIMARY KEY,
	id        TEXT NOT NULL UNIQUE,
	canonical TEXT NOT NULL,
	type      TEXT NOT NULL DEFAULT '',
	country   TEXT NOT NULL DEFAULT '',
	roles     TEXT NOT NULL DEFAULT '[]', -- JSON array
	docs      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE aliases (
	actor_ord INTEGER NOT NULL REFERENCES actors(ord) ON DELETE CASCADE,
	idx       INTEGER NOT NULL,
	alias     TEXT NOT NULL,
	PRIMARY KEY (actor_ord, idx)
);
CREATE INDEX aliases_alias ON aliases(alias);

CREATE TABLE mentions (
	actor_ord INTEGER NOT NULL REFERENCES actors(ord) ON DELETE CASCADE,
	idx       INTEGER NOT NULL,
	doc       TEXT NOT NULL,
	start     INTEGER NOT NULL,
	end       INTEGER NOT NULL,
	PRIMARY KEY (actor_ord, idx)
);
CREATE INDEX mentions_doc ON mentions(doc);

CREATE TABLE model_ties (
	ord      INTEGER PRIMARY KEY,
	a        TEXT NOT NULL,
	b        TEXT NOT NULL,
	type     TEXT NOT NULL,
	sign     INTEGER NOT NULL,
	weight   REAL NOT NULL,
	modality TEXT NOT NULL DEFAULT ''
);
CREATE INDEX model_ties_a ON model_ties(a);
CREATE INDEX model_ties_b ON model_ties(b);

CREATE TABLE model_tie_evidence (
	tie_ord INTEGER NOT NULL REFERENCES model_ties(ord) ON DELETE CASCADE,
	idx     INTEGER NOT NULL,
	doc     TEXT NOT NULL,
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL,
	PRIMARY KEY (tie_ord, idx)
);

CREATE TABLE model_events (
	ord       INTEGER PRIMARY KEY,
	doc       TEXT NOT NULL,
	source    TEXT NOT NULL DEFAULT '',
	target    TEXT NOT NULL DEFAULT '',
	type      TEXT NOT NULL,
	mode      TEXT NOT NULL DEFAULT '',
	cameo     TEXT NOT NULL DEFAULT '',
	goldstein REAL NOT NULL DEFAULT 0,
	trigger   TEXT NOT NULL DEFAULT '',
	date      TEXT NOT NULL DEFAULT '',
	date_text TEXT NOT NULL DEFAULT '',
	place     TEXT NOT NULL DEFAULT '',
	modality  TEXT NOT NULL DEFAULT '',
	ev_doc    TEXT NOT NULL,
	ev_start  INTEGER NOT NULL,
	ev_end    INTEGER NOT NULL
);
CREATE INDEX model_events_source ON model_events(source);
CREATE INDEX model_events_target ON model_events(target);
CREATE INDEX model_events_date ON model_events(date);

CREATE TABLE model_quotes (
	ord     INTEGER PRIMARY KEY,
	doc     TEXT NOT NULL,
	speaker TEXT NOT NULL DEFAULT '',
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL,
	text    TEXT NOT NULL
);

CREATE TABLE model_figures (
	ord   INTEGER PRIMARY KEY,
	doc   TEXT NOT NULL,
	start INTEGER NOT NULL,
	end   INTEGER NOT NULL,
	text  TEXT NOT NULL,
	value REAL NOT NULL,
	unit  TEXT NOT NULL DEFAULT '',
	about TEXT NOT NULL DEFAULT ''
);

CREATE TABLE paradoxes (
	ord         INTEGER PRIMARY KEY,
	actors      TEXT NOT NULL, -- JSON array of actor ids
	signs       TEXT NOT NULL, -- JSON array of signs
	score       REAL NOT NULL DEFAULT 0,
	explanation TEXT NOT NULL DEFAULT '',
	kind        TEXT NOT NULL DEFAULT '',
	evidence    TEXT NOT NULL  -- JSON array of evidence
);

-- Analysts' corrections to actor resolution; they survive re-ingest and model rebuilds.
CREATE TABLE overrides (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	kind       TEXT NOT NULL,
	actor      TEXT NOT NULL,
	other      TEXT NOT NULL DEFAULT '',
	name       TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);
