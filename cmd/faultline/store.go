package main

import (
	"context"

	"github.com/faultline/faultline"
	"github.com/spf13/cobra"
)

// openStore opens the store named by --db: a SQLite file path, or a postgres:// URL.
func openStore(ctx context.Context, cmd *cobra.Command) (faultline.Store, error) {
	dsn, _ := cmd.Flags().GetString("db")
	return nil, faultline.Errorf(faultline.ENOTIMPLEMENTED, "no store backend yet for %q", dsn)
}
