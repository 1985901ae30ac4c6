#!/bin/sh
# Regenerates web/geo/countries.txt from pinned npm packages: Natural Earth
# 1:50m countries (world-atlas, ISC) and ISO 3166 codes (i18n-iso-countries,
# MIT). Needs npm and go; run from anywhere.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent world-atlas@2.0.2 i18n-iso-countries@7.14.0)
cd "$here"
go run . -topo "$tmp/node_modules/world-atlas/countries-50m.json" \
	-codes "$tmp/node_modules/i18n-iso-countries/codes.json" \
	-source "world-atlas@2.0.2 (countries-50m)" \
	-out ../../geo/countries.txt
