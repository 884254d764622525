package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/faultline/faultline/demo"
)

// syncBuffer is a bytes.Buffer safe to read while a child process writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestSecondSignalQuits: a first SIGTERM during the extraction of a gigantic document lets
// ingest stop after it (it says so); a second one ends the process at once, and the database
// still opens afterwards.
func TestSecondSignalQuits(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts a 6 MB document")
	}
	dir := t.TempDir()
	var text strings.Builder
	for text.Len() < 6<<20 {
		for _, d := range demo.Documents() {
			text.WriteString(d.Text)
			text.WriteString("\n\n")
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "big.txt"), []byte(text.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "f.db")
	c := child("ingest", "--db", db, dir)
	var stderr syncBuffer
	c.Stderr = &stderr
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	// the database exists once ingest has opened it, after the signal handler is set
	deadline := time.Now().Add(60 * time.Second)
	for {
		if _, err := os.Stat(db); err == nil {
			break
		}
		if time.Now().After(deadline) {
			c.Process.Kill()
			t.Fatal("ingest did not open its database in 60 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	done := make(chan error, 1)
	go func() { done <- c.Wait() }()
	c.Process.Signal(syscall.SIGTERM)
	for !strings.Contains(stderr.String(), "interrupt again to quit now") {
		select {
		case err := <-done:
			t.Fatalf("ingest ended (%v) after the first SIGTERM without the notice; stderr: %q", err, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			c.Process.Kill()
			t.Fatalf("no notice after the first SIGTERM; stderr: %q", stderr.String())
		}
	}
	c.Process.Signal(syscall.SIGTERM)
	err := <-done
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("ingest ended with %v, want death by SIGTERM", err)
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGTERM {
		t.Fatalf("ingest ended with %v (it finished the document?), want death by the second SIGTERM; stderr: %q", err, stderr.String())
	}
	if _, serr, err := runChild(t, "actors", "--db", db); err != nil {
		t.Fatalf("database after the kill: %v: %s", err, serr)
	}
}

// TestNoSignalNoNotice: a command that ends by itself says nothing about signals.
func TestNoSignalNoNotice(t *testing.T) {
	for i := 0; i < 5; i++ {
		_, serr, err := runChild(t, "eval", "ner", "--help")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(serr, "interrupt") {
			t.Fatalf("stderr %q", serr)
		}
	}
}
