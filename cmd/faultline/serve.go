package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/faultline/faultline"
	fhttp "github.com/faultline/faultline/http"
	"github.com/spf13/cobra"
)

var serveCmd = &cobra.Command{
	Use:   "serve",
	Short: "Serve the HTTP JSON API and the web UI",
	Long: `serve answers the JSON API under /api/ and the web UI at / on --addr: the actor graph,
dossiers, the source reader with evidence highlighted, the timeline, the map, paradoxes,
scenarios and merge/split. Everything it serves is inside the binary; it needs no network.

Reads are open. Writes (overrides, scenarios) are refused from other sites and, with --token
or on a non-loopback address, need "Authorization: Bearer TOKEN"; on a non-loopback address
without --token a random token is made and printed. FAULTLINE_TOKEN sets the token too.`,
	Example: "  faultline serve --addr 127.0.0.1:8080 --db faultline.db",
	Args:    cobra.NoArgs,
	RunE:    runServe,
}

func init() {
	serveCmd.Flags().String("addr", "127.0.0.1:8080", "address to listen on, HOST:PORT")
	serveCmd.Flags().String("token", "", "bearer token required for writes (default $FAULTLINE_TOKEN)")
	rootCmd.AddCommand(serveCmd)
}

func runServe(cmd *cobra.Command, args []string) error {
	ctx := cmd.Context()
	addr, _ := cmd.Flags().GetString("addr")
	token, _ := cmd.Flags().GetString("token")
	if token == "" {
		token = os.Getenv("FAULTLINE_TOKEN")
	}
	store, err := openStore(ctx, cmd)
	if err != nil {
		return err
	}
	defer store.Close()
	return serveOn(ctx, store, addr, token, nil)
}

// serve serves the API and web UI of store on addr until ctx is done. On a non-loopback
// address it makes a random write token and prints it.
func serve(ctx context.Context, store faultline.Store, addr string) error {
	return serveOn(ctx, store, addr, os.Getenv("FAULTLINE_TOKEN"), nil)
}

// rebuildHook rebuilds and saves the corpus model after an override through the API.
var rebuildHook = func(ctx context.Context, store faultline.Store) error {
	_, err := rebuildModel(ctx, store)
	return err
}

// serveOn serves store on addr with a write token until ctx is done; ready, when not nil, is
// called with the server's URL once it listens.
func serveOn(ctx context.Context, store faultline.Store, addr, token string, ready func(url string)) error {
	s := fhttp.NewServer(store)
	s.Addr, s.Token = addr, token
	if rebuildHook != nil {
		s.Rebuild = func(ctx context.Context) error { return rebuildHook(ctx, store) }
	}
	if !fhttp.Loopback(addr) && s.Token == "" {
		b := make([]byte, 16)
		rand.Read(b)
		s.Token = hex.EncodeToString(b)
		fmt.Fprintf(os.Stderr, "serve: %s is not a loopback address; writes need the header\n  Authorization: Bearer %s\n", addr, s.Token)
	}
	if err := s.Open(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "serve: faultline web UI on %s (Ctrl-C to stop)\n", s.URL())
	fmt.Printf("serve url=%s\n", s.URL())
	if ready != nil {
		ready(s.URL())
	}
	<-ctx.Done()
	fmt.Fprintln(os.Stderr, "serve: shutting down")
	return s.Close()
}
