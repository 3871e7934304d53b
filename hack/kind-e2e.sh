#!/usr/bin/env bash
# Runs the operator scenarios of tests/K8sRelay.Operator.Tests against a real cluster made with kind.
# Needs: kind, kubectl, docker and the .NET SDK. Usage: hack/kind-e2e.sh [cluster-name]   (KEEP=1 keeps the cluster)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
name=${1:-k8srelay-e2e}
ns=k8srelay-e2e
work=$(mktemp -d)
step() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }
for tool in kind kubectl docker dotnet; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done

step "kind cluster $name"
kind get clusters | grep -qx "$name" || kind create cluster --name "$name"
kubectl config use-context "kind-$name" >/dev/null

step "images (dotnet publish as containers, loaded into kind)"
dotnet publish "$root/operator/K8sRelay.Operator" -c Release -t:PublishContainer -p:ContainerRepository=k8srelay/operator -p:ContainerImageTag=dev \
  -p:ContainerArchiveOutputPath="$work/operator.tar.gz" --artifacts-path "$work/art" -nologo -v q
dotnet publish "$root/server/K8sRelay.Server" -c Release -t:PublishContainer -p:ContainerRepository=k8srelay/server -p:ContainerImageTag=dev \
  -p:ContainerArchiveOutputPath="$work/server.tar.gz" --artifacts-path "$work/art" -nologo -v q
kind load image-archive "$work/operator.tar.gz" --name "$name"
kind load image-archive "$work/server.tar.gz" --name "$name"

step "CRD and operator"
kubectl apply -f "$root/crds/realtimeclusters.k8srelay.io.yaml"
kubectl wait --for=condition=Established crd/realtimeclusters.k8srelay.io --timeout=60s
kubectl apply -f "$root/hack/kind/operator.yaml"
kubectl -n k8srelay-system rollout status deployment/k8srelay-operator --timeout=180s
kubectl create namespace "$ns" --dry-run=client -o yaml | kubectl apply -f -

step "create -> every child and Ready"
kubectl -n "$ns" apply -f "$root/crds/samples/realtimecluster-minimal.yaml"
kubectl -n "$ns" wait --for=condition=Ready rtc/chat --timeout=300s
for child in deployment/chat service/chat service/chat-internal configmap/chat-config secret/chat-auth; do
  kubectl -n "$ns" get "$child" >/dev/null || fail "$child missing"
done

step "spec change -> new config hash -> rollout"
hash() { kubectl -n "$ns" get deployment chat -o jsonpath='{.spec.template.metadata.annotations.k8srelay\.io/config-hash}'; }
before=$(hash)
kubectl -n "$ns" patch rtc chat --type merge -p '{"spec":{"capacity":{"maxConnectionsPerPod":5000}}}'
for _ in $(seq 60); do [ "$(hash)" != "$before" ] && break; sleep 2; done
[ "$(hash)" != "$before" ] || fail "config hash did not change"
kubectl -n "$ns" rollout status deployment/chat --timeout=300s

step "child deleted -> recreated"
kubectl -n "$ns" delete service chat-internal
for _ in $(seq 60); do kubectl -n "$ns" get service chat-internal >/dev/null 2>&1 && break; sleep 1; done
kubectl -n "$ns" get service chat-internal >/dev/null || fail "internal Service was not recreated"

step "invalid spec -> ConfigValid=False, children unchanged"
rv=$(kubectl -n "$ns" get configmap chat-config -o jsonpath='{.metadata.resourceVersion}')
kubectl -n "$ns" patch rtc chat --type merge -p '{"spec":{"config":{"raw":{"client":{"token":{"hmac_secret_key":"x"}}}}}}'
kubectl -n "$ns" wait --for=condition=ConfigValid=false rtc/chat --timeout=120s
[ "$(kubectl -n "$ns" get configmap chat-config -o jsonpath='{.metadata.resourceVersion}')" = "$rv" ] || fail "ConfigMap changed for an invalid spec"
kubectl -n "$ns" patch rtc chat --type merge -p '{"spec":{"config":{"raw":null}}}'
kubectl -n "$ns" wait --for=condition=Ready rtc/chat --timeout=300s

step "no writes once converged (30 s)"
rv=$(kubectl -n "$ns" get deployment chat -o jsonpath='{.metadata.generation}')
sleep 30
[ "$(kubectl -n "$ns" get deployment chat -o jsonpath='{.metadata.generation}')" = "$rv" ] || fail "the Deployment kept changing"

step "external Redis + scale through /scale with connection-aware drain"
kubectl -n "$ns" apply -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: { name: redis }
spec:
  selector: { matchLabels: { app: redis } }
  template:
    metadata: { labels: { app: redis } }
    spec: { containers: [ { name: redis, image: "redis:7.4", args: ["--requirepass", "redis-pass"], ports: [ { containerPort: 6379 } ] } ] }
---
apiVersion: v1
kind: Service
metadata: { name: redis-master }
spec: { selector: { app: redis }, ports: [ { port: 6379 } ] }
YAML
kubectl -n "$ns" create secret generic feed-redis --from-literal=password=redis-pass --dry-run=client -o yaml | kubectl apply -f -
kubectl -n "$ns" create secret generic feed-api --from-literal=api-key=e2e-api-key --dry-run=client -o yaml | kubectl apply -f -
sed -e "s/redis-master.data.svc:6379/redis-master.$ns.svc:6379/" -e 's/type: LoadBalancer/type: ClusterIP/' \
  "$root/crds/samples/realtimecluster-external-redis.yaml" | kubectl -n "$ns" apply -f -
kubectl -n "$ns" scale rtc feed --replicas=3
kubectl -n "$ns" wait --for=condition=Ready rtc/feed --timeout=300s
kubectl -n "$ns" scale rtc feed --replicas=1
kubectl -n "$ns" wait --for=jsonpath='{.status.readyReplicas}'=1 rtc/feed --timeout=300s
kubectl -n "$ns" get rtc feed -o jsonpath='{.status.conditions[?(@.type=="Draining")].status}' | grep -q False || fail "drain did not finish"

step "two operator replicas -> one leader"
holder=$(kubectl -n k8srelay-system get lease k8srelay-operator-leader -o jsonpath='{.spec.holderIdentity}')
[ -n "$holder" ] || fail "no leader"
kubectl -n k8srelay-system delete pod "$holder" --wait=false
for _ in $(seq 60); do
  now=$(kubectl -n k8srelay-system get lease k8srelay-operator-leader -o jsonpath='{.spec.holderIdentity}')
  [ -n "$now" ] && [ "$now" != "$holder" ] && break; sleep 2
done
[ "$now" != "$holder" ] || fail "leadership did not move"

step "all scenarios passed"
[ "${KEEP:-0}" = 1 ] || kind delete cluster --name "$name"
rm -rf "$work"
