#!/usr/bin/env bash
# vendor.sh installs the browser libraries pinned in package-lock.json with `npm ci` and copies
# their distribution files into http/assets/vendor/. The copies are committed, so building or
# running faultline never needs npm or the network; run this only to change a version:
#
#	cd web && npm install --package-lock-only cytoscape@X.Y.Z && ./vendor.sh
set -euo pipefail
cd "$(dirname "$0")"
npm ci --ignore-scripts --no-audit --no-fund
out=../http/assets/vendor
mkdir -p "$out"
copy() { # copy PACKAGE FILE: node_modules/PACKAGE/FILE to $out, with its licence
	local pkg=$1 file=$2 base
	base=$(basename "$file")
	cp "node_modules/$pkg/$file" "$out/$base"
	cp "node_modules/$pkg/LICENSE" "$out/$pkg.LICENSE"
	printf '%s %s %s\n' "$base" "$pkg@$(node -p "require('./node_modules/$pkg/package.json').version")" \
		"$(sha256sum "$out/$base" | cut -d' ' -f1)" >>"$out/VERSIONS.tmp"
}
rm -f "$out/VERSIONS.tmp"
copy cytoscape dist/cytoscape.esm.min.mjs
{
	echo "# Vendored by web/vendor.sh from npm (pinned in web/package-lock.json): file, package@version, sha256."
	cat "$out/VERSIONS.tmp"
} >"$out/VERSIONS"
rm -f "$out/VERSIONS.tmp"
echo "vendor: $(wc -l <"$out/VERSIONS") lines in $out/VERSIONS"
