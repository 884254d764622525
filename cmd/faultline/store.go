package main

import (
	"context"
	"strings"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/postgres"
	"github.com/faultline/faultline/sqlite"
	"github.com/spf13/cobra"
)

// openStore opens the store named by --db: a SQLite file path (default ./faultline.db), or a
// postgres:// URL.
func openStore(ctx context.Context, cmd *cobra.Command) (faultline.Store, error) {
	dsn, _ := cmd.Flags().GetString("db")
	return openDSN(ctx, dsn)
}

// openDSN opens a store by its name: postgres:// and postgresql:// URLs name a PostgreSQL
// database, anything else a SQLite file.
func openDSN(ctx context.Context, dsn string) (faultline.Store, error) {
	if dsn == "" {
		dsn = "faultline.db"
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return openPostgres(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}

// openPostgres opens a PostgreSQL store.
func openPostgres(ctx context.Context, dsn string) (faultline.Store, error) {
	return postgres.Open(ctx, dsn)
}
