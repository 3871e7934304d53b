{{/*
Checks across values that values.schema.json cannot express, each failing with a message that names the fix.
Included by the Deployment, so every render runs them.
*/}}
{{- define "k8srelay.checks" -}}
{{- $engine := .Values.engine -}}
{{- if eq $engine.type "memory" -}}
{{- if gt (int .Values.replicaCount) 1 -}}
{{- fail (printf "replicaCount is %d but engine.type is memory: the memory engine serves one pod only; set engine.type redis to run more" (int .Values.replicaCount)) -}}
{{- end -}}
{{- if .Values.autoscaling.enabled -}}
{{- fail "autoscaling.enabled needs engine.type redis: pods of the memory engine do not share channels" -}}
{{- end -}}
{{- else -}}
{{- $r := $engine.redis -}}
{{- $topologies := 0 -}}
{{- if $r.addresses }}{{ $topologies = add1 $topologies }}{{ end -}}
{{- if $r.sentinel.addresses }}{{ $topologies = add1 $topologies }}{{ end -}}
{{- if $r.cluster.addresses }}{{ $topologies = add1 $topologies }}{{ end -}}
{{- if ne (int $topologies) 1 -}}
{{- fail "engine.type redis needs exactly one of engine.redis.addresses, engine.redis.sentinel.addresses or engine.redis.cluster.addresses" -}}
{{- end -}}
{{- end -}}
{{- if and .Values.autoscaling.enabled (not (or .Values.autoscaling.connections.enabled .Values.autoscaling.cpu.enabled)) -}}
{{- fail "autoscaling.enabled needs a metric: enable autoscaling.connections or autoscaling.cpu" -}}
{{- end -}}
{{- if gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas) -}}
{{- fail (printf "autoscaling.minReplicas (%d) exceeds autoscaling.maxReplicas (%d)" (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) -}}
{{- end -}}
{{- $pdb := .Values.podDisruptionBudget -}}
{{- if $pdb.enabled -}}
{{- $max := toString $pdb.maxUnavailable -}}
{{- $min := toString $pdb.minAvailable -}}
{{- if and (ne $max "") (ne $min "") -}}
{{- fail "podDisruptionBudget: set either maxUnavailable or minAvailable, not both (set the other to \"\")" -}}
{{- end -}}
{{- if and (eq $max "") (eq $min "") -}}
{{- fail "podDisruptionBudget.enabled needs maxUnavailable or minAvailable" -}}
{{- end -}}
{{- end -}}
{{- include "k8srelay.checkOwnedConfig" . -}}
{{- end -}}

{{/* Keys of .Values.config that other values own, with the value to use instead. */}}
{{- define "k8srelay.checkOwnedConfig" -}}
{{- $owned := dict
  "engine" "use engine.*"
  "http_server.port" "the container listens on 8000; change service.port instead"
  "http_server.internal_port" "use internalService.enabled and internalService.port"
  "grpc_api.enabled" "use grpcApi.enabled"
  "grpc_api.port" "use grpcApi.service.port"
  "uni_grpc.enabled" "use uniGrpc.enabled"
  "uni_grpc.port" "use uniGrpc.service.port"
  "admin.enabled" "use admin.enabled"
  "shutdown.timeout" "use shutdown.timeoutSeconds"
  "node.name" "the pod name is the node name"
  "health.enabled" "the probes need it; it is always on"
  "prometheus.enabled" "metrics are always on"
  "client.token.hmac_secret_key" "secrets do not belong in the ConfigMap; use secrets.values or secrets.existingSecret"
  "http_api.key" "secrets do not belong in the ConfigMap; use secrets.values or secrets.existingSecret"
  "grpc_api.key" "the GRPC API uses the API key from the Secret"
  "admin.password" "secrets do not belong in the ConfigMap; use secrets.values or secrets.existingSecret"
  "admin.secret" "secrets do not belong in the ConfigMap; use secrets.values or secrets.existingSecret"
-}}
{{- range $path := keys $owned | sortAlpha -}}
{{- $node := $.Values.config -}}
{{- $found := true -}}
{{- range $part := splitList "." $path -}}
{{- if and $found (kindIs "map" $node) (hasKey $node $part) -}}
{{- $node = index $node $part -}}
{{- else -}}
{{- $found = false -}}
{{- end -}}
{{- end -}}
{{- if $found -}}
{{- fail (printf "config.%s is set by the chart: %s" $path (index $owned $path)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
