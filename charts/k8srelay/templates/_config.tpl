{{/*
The server's config.json: .Values.config with the keys the chart owns (ports, engine, switches) laid over it.
Secrets are not here; they arrive as CENTRIFUGO_* environment variables.
*/}}
{{- define "k8srelay.config" -}}
{{- $owned := dict -}}
{{- $httpServer := dict "port" 8000 -}}
{{- if .Values.internalService.enabled -}}
{{- $_ := set $httpServer "internal_port" "9000" -}}
{{- end -}}
{{- $_ := set $owned "http_server" $httpServer -}}
{{- $_ := set $owned "health" (dict "enabled" true) -}}
{{- $_ := set $owned "prometheus" (dict "enabled" true) -}}
{{- $_ := set $owned "admin" (dict "enabled" .Values.admin.enabled) -}}
{{- $_ := set $owned "shutdown" (dict "timeout" (printf "%ds" (int .Values.shutdown.timeoutSeconds))) -}}
{{- $_ := set $owned "engine" (include "k8srelay.engineConfig" . | fromJson) -}}
{{- if .Values.grpcApi.enabled -}}
{{- $_ := set $owned "grpc_api" (dict "enabled" true "port" 10000) -}}
{{- end -}}
{{- if .Values.uniGrpc.enabled -}}
{{- $_ := set $owned "uni_grpc" (dict "enabled" true "port" 11000) -}}
{{- end -}}
{{- mustMergeOverwrite (deepCopy .Values.config) $owned | toPrettyJson -}}
{{- end -}}

{{/* The engine section as JSON. */}}
{{- define "k8srelay.engineConfig" -}}
{{- $engine := .Values.engine -}}
{{- if eq $engine.type "redis" -}}
{{- $r := $engine.redis -}}
{{- $redis := dict -}}
{{- if $r.addresses -}}
{{- $_ := set $redis "address" $r.addresses -}}
{{- else if $r.sentinel.addresses -}}
{{- $_ := set $redis "sentinel_address" $r.sentinel.addresses -}}
{{- $_ := set $redis "sentinel_master_name" $r.sentinel.masterName -}}
{{- else -}}
{{- $_ := set $redis "cluster_address" $r.cluster.addresses -}}
{{- end -}}
{{- if $r.prefix -}}
{{- $_ := set $redis "prefix" $r.prefix -}}
{{- end -}}
{{- if and (gt (int $r.db) 0) (not $r.cluster.addresses) -}}
{{- $_ := set $redis "db" (int $r.db) -}}
{{- end -}}
{{- if $r.tls -}}
{{- $_ := set $redis "tls" (dict "enabled" true) -}}
{{- end -}}
{{- dict "type" "redis" "redis" $redis | toJson -}}
{{- else -}}
{{- dict "type" "memory" | toJson -}}
{{- end -}}
{{- end -}}
