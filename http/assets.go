package http

import (
	"embed"
	"io/fs"
	nethttp "net/http"
	"path"
	"strings"
)

// assets is the web UI: HTML, CSS, JavaScript modules, the vendored libraries (see
// web/vendor.sh) and the map outlines.
//
//go:embed assets/index.html assets/app.css assets/js assets/vendor assets/geo/countries.geojson assets/geo/NOTES.md
var assets embed.FS

// assetHandler serves the UI from the embedded files. Only GET and HEAD are allowed;
// paths are cleaned and confined to the embedded tree, so no request reaches the disk.
func assetHandler() nethttp.Handler {
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err)
	}
	files := nethttp.FileServerFS(sub)
	return nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		if r.Method != nethttp.MethodGet && r.Method != nethttp.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, nethttp.StatusMethodNotAllowed, eMethod, r.Method+" is not allowed here")
			return
		}
		p := r.URL.Path
		if strings.Contains(p, "..") || strings.Contains(p, "\\") || strings.Contains(p, "\x00") || path.Clean(p) != p && p != "/" {
			writeError(w, nethttp.StatusNotFound, "not_found", "no such file")
			return
		}
		if p != "/" && !strings.HasSuffix(p, "/") {
			if _, err := fs.Stat(sub, strings.TrimPrefix(p, "/")); err != nil {
				writeError(w, nethttp.StatusNotFound, "not_found", "no such file")
				return
			}
		} else if p != "/" {
			writeError(w, nethttp.StatusNotFound, "not_found", "no such file")
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
