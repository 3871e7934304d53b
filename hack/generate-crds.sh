#!/usr/bin/env bash
# Regenerates crds/*.yaml from the operator's entity types (operator/K8sRelay.Operator/Entities).
# The CRD drift test fails until the output is committed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
artifacts=${ARTIFACTS:-$(mktemp -d)}
dotnet build "$root/operator/K8sRelay.Operator" -nologo -v q --artifacts-path "$artifacts" >/dev/null
dotnet "$artifacts/bin/K8sRelay.Operator/debug/k8srelay-operator.dll" generate-crds "$root/crds"
echo "crds/ regenerated"
