#!/usr/bin/env bash
# Copies the generated CRDs from crds/ into the operator chart's crds/ folder, which Helm installs before the
# templates. Run it after regenerating crds/; the chart tests fail while the two folders differ.
#
# Usage: hack/sync-chart-crds.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source_dir="$root/crds"
chart_dir="$root/charts/k8srelay-operator/crds"

mkdir -p "$chart_dir"
# CRDs removed from crds/ leave the chart too.
for copy in "$chart_dir"/*.yaml; do
  [ -e "$copy" ] || continue
  [ -e "$source_dir/$(basename "$copy")" ] || rm -f "$copy"
done
for crd in "$source_dir"/*.yaml; do
  [ -e "$crd" ] || continue
  cp "$crd" "$chart_dir/"
done
echo "chart CRDs synced from crds/: $(cd "$chart_dir" && ls *.yaml 2>/dev/null | tr '\n' ' ')"
