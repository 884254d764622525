package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/faultline/faultline"
)

// CSVColumns is the header of CSV: GDELT 1.0 event columns where faultline has the same
// thing, then faultline's own. See README.md for each column.
var CSVColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
	"EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName",
	"DocID", "DocDate", "DocSource", "EvidenceStart", "EvidenceEnd",
	"PloverType", "PloverMode", "Modality", "Date", "DateText", "Trigger",
}

// CSV writes the events of m, one row per event in model order, under the header
// CSVColumns (RFC 4180, comma-separated, UTF-8). Unknown values are empty.
func CSV(w io.Writer, m *faultline.Model) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	actors := actorIndex(m)
	docs := docIndex(m)
	for i := range m.Events {
		e := &m.Events[i]
		sql, month, year, frac := "", "", "", ""
		if f, _, ok := interval(e.Date); ok {
			t, _ := time.Parse("2006-01-02", f)
			sql, month, year = t.Format("20060102"), t.Format("200601"), t.Format("2006")
			frac = strconv.FormatFloat(float64(t.Year())+float64(t.YearDay())/365, 'f', 4, 64)
		}
		base, root, quad := cameoParts(e.CAMEO)
		a1, a2 := actors[e.Source], actors[e.Target]
		ev := evidence(e)
		d := docs[ev.Doc]
		row := []string{
			EventID(e), sql, month, year, frac,
			e.Source, a1.Canonical, a1.Country, a1.Type,
			e.Target, a2.Canonical, a2.Country, a2.Type,
			e.CAMEO, base, root, quad, strconv.FormatFloat(e.Goldstein, 'f', -1, 64),
			"1", "1", "1", e.Place,
			ev.Doc, d.Date, d.Source, strconv.Itoa(ev.Start), strconv.Itoa(ev.End),
			e.Type, e.Mode, e.Modality, e.Date, e.DateText, e.Trigger,
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// PloverEvent is one event in the PLOVER-style JSON layout (the field names of the PLOVER
// data format and the POLECAT data set built on it), with faultline's evidence added.
type PloverEvent struct {
	ID               string             `json:"id"`
	Date             string             `json:"event_date"` // YYYY, YYYY-MM or YYYY-MM-DD; "" when unknown
	DateText         string             `json:"date_text,omitempty"`
	Type             string             `json:"event_type"` // one of the 16 PLOVER types
	Mode             string             `json:"event_mode"`
	Context          []string           `json:"event_context"`
	Actor            string             `json:"actor"`
	ActorName        string             `json:"actor_name"`
	ActorCountry     string             `json:"actor_country,omitempty"`
	Recipient        string             `json:"recipient"`
	RecipientName    string             `json:"recipient_name"`
	RecipientCountry string             `json:"recipient_country,omitempty"`
	Location         string             `json:"location,omitempty"`
	CAMEO            string             `json:"cameo,omitempty"`
	Goldstein        float64            `json:"goldstein"`
	Modality         string             `json:"modality"`
	Trigger          string             `json:"trigger,omitempty"`
	Source           string             `json:"source,omitempty"` // publisher of the document
	Evidence         faultline.Evidence `json:"evidence"`
}

// PLOVER writes the events of m as JSON Lines, one PloverEvent per line, in model order.
func PLOVER(w io.Writer, m *faultline.Model) error {
	actors := actorIndex(m)
	docs := docIndex(m)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range m.Events {
		e := &m.Events[i]
		ev := evidence(e)
		a1, a2 := actors[e.Source], actors[e.Target]
		p := PloverEvent{
			ID: EventID(e), Date: e.Date, DateText: e.DateText, Type: e.Type, Mode: e.Mode, Context: []string{},
			Actor: e.Source, ActorName: a1.Canonical, ActorCountry: a1.Country,
			Recipient: e.Target, RecipientName: a2.Canonical, RecipientCountry: a2.Country,
			Location: e.Place, CAMEO: e.CAMEO, Goldstein: e.Goldstein, Modality: e.Modality, Trigger: e.Trigger,
			Source: docs[ev.Doc].Source, Evidence: ev,
		}
		if err := enc.Encode(p); err != nil {
			return err
		}
	}
	return nil
}

// EventID is a stable, content-derived id for an event: 16 hex digits of the SHA-256 of its
// document, evidence offsets, actors and code.
func EventID(e *faultline.ModelEvent) string {
	ev := evidence(e)
	key := fmt.Sprintf("%s\x00%d\x00%d\x00%s\x00%s\x00%s\x00%s", ev.Doc, ev.Start, ev.End, e.Source, e.Target, e.CAMEO, e.Type)
	return faultline.ContentHash(key)[:16]
}

func evidence(e *faultline.ModelEvent) faultline.Evidence {
	ev := e.Evidence
	if ev.Doc == "" {
		ev.Doc = e.Doc
	}
	return ev
}

// cameoParts returns the base (3-digit) and root (2-digit) codes of a CAMEO code and its
// quad class: 1 verbal cooperation (roots 01-05), 2 material cooperation (06-08), 3 verbal
// conflict (09-13), 4 material conflict (14-20).
func cameoParts(code string) (base, root, quad string) {
	code = strings.TrimSpace(code)
	if len(code) < 2 {
		return "", "", ""
	}
	root = code[:2]
	base = code
	if len(code) > 3 {
		base = code[:3]
	}
	r, err := strconv.Atoi(root)
	if err != nil {
		return base, root, ""
	}
	switch {
	case r >= 1 && r <= 5:
		quad = "1"
	case r >= 6 && r <= 8:
		quad = "2"
	case r >= 9 && r <= 13:
		quad = "3"
	case r >= 14 && r <= 20:
		quad = "4"
	}
	return base, root, quad
}

func actorIndex(m *faultline.Model) map[string]faultline.Actor {
	idx := make(map[string]faultline.Actor, len(m.Actors))
	for _, a := range m.Actors {
		idx[a.ID] = a
	}
	return idx
}

func docIndex(m *faultline.Model) map[string]faultline.DocumentRef {
	idx := make(map[string]faultline.DocumentRef, len(m.Documents))
	for _, d := range m.Documents {
		idx[d.ID] = d
	}
	return idx
}
