// Command faultline turns reporting on a conflict into a model of that conflict. Each
// subcommand lives in its own file; this one builds the root command and the command groups
// (eval, train, actors) that other files hang their subcommands on.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/faultline/faultline"
	"github.com/spf13/cobra"
)

// rootCmd is the faultline command; subcommands add themselves in init functions.
var rootCmd = &cobra.Command{
	Use:   "faultline",
	Short: "Turn reporting on a conflict into a model of that conflict",
	Long: `faultline reads news reports on a conflict and builds a model of it: the actors under
every spelling the press uses, their alliances and feuds, what happened between them and when,
who said what — every fact traced to its sentence — and analyses it: blocs, brokers, shifting
alliances, contradictions in the alliance web and "what if" scenarios.`,
	Version:       faultline.Version,
	SilenceUsage:  true,
	SilenceErrors: true,
}

// evalCmd scores faultline: against a gold file by default, with subcommands per model.
var evalCmd = &cobra.Command{
	Use:   "eval",
	Short: "Score faultline against gold annotations",
}

// trainCmd trains the statistical models shipped in the binary.
var trainCmd = &cobra.Command{
	Use:   "train",
	Short: "Train a model from ../shared/corpora and write its weights",
}

// actorsCmd lists actors; its subcommands edit resolution by hand.
var actorsCmd = &cobra.Command{
	Use:   "actors",
	Short: "List resolved actors; merge, split, alias and rename them by hand",
}

func init() {
	rootCmd.AddCommand(evalCmd, trainCmd, actorsCmd)
	rootCmd.PersistentFlags().String("db", "faultline.db", "database: a SQLite file path or a postgres:// URL")
}

// exitError carries an exit status without printing anything more: the command already
// reported what failed (e.g. one document of a batch).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	// The first SIGINT/SIGTERM cancels ctx: commands stop after the documents in hand (a
	// gigantic one takes seconds to extract). It also restores the default handling, so a
	// second signal ends the process at once; what is stored survives a kill
	// (transactions, TestCrash).
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sigs
		signal.Reset(os.Interrupt, syscall.SIGTERM)
		fmt.Fprintln(os.Stderr, "faultline: stopping (an ingest finishes the documents in hand); interrupt again to quit now")
		cancel()
	}()
	err := rootCmd.ExecuteContext(ctx)
	cancel()
	if err == nil {
		return
	}
	if e, ok := err.(exitError); ok {
		os.Exit(e.code)
	}
	// A *faultline.Error says "faultline: code: message" itself: do not say "faultline:" twice.
	fmt.Fprintln(os.Stderr, "faultline:", strings.TrimPrefix(err.Error(), "faultline: "))
	os.Exit(1)
}
