package main

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/faultline/faultline"
)

// serveFakeStore answers Model with a fixed model; the rest of the Store is not used.
type serveFakeStore struct {
	faultline.Store
	m *faultline.Model
}

func (s *serveFakeStore) Model(context.Context) (*faultline.Model, error) { return s.m, nil }

func TestServe(t *testing.T) {
	store := &serveFakeStore{m: &faultline.Model{Schema: faultline.Schema,
		Actors: []faultline.Actor{{ID: "a", Canonical: "Alpha"}, {ID: "b", Canonical: "Beta"}},
		Ties:   []faultline.ModelTie{{A: "a", B: "b", Type: "allied_with", Sign: 1, Weight: 1, Evidence: []faultline.Evidence{{Doc: "d", Start: 0, End: 5}}}}}}
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- serveOn(ctx, store, "127.0.0.1:0", "", func(u string) { urls <- u }) }()
	var url string
	select {
	case url = <-urls:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}
	resp, err := http.Get(url + "/api/actors")
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Actors []struct{ ID string } `json:"actors"`
	}
	err = json.NewDecoder(resp.Body).Decode(&out)
	resp.Body.Close()
	if err != nil || len(out.Actors) != 2 {
		t.Errorf("actors: %+v %v", out, err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}
