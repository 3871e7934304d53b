{{/* Environment of the server container: node name, secrets by CENTRIFUGO_* name, Redis credentials, extras. */}}
{{- define "k8srelay.env" -}}
{{- $secret := include "k8srelay.secretName" . -}}
{{- $keys := .Values.secrets.keys -}}
- name: CENTRIFUGO_NODE_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{- include "k8srelay.secretEnv" (list "CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY" $secret $keys.tokenHmacSecretKey) }}
{{- include "k8srelay.secretEnv" (list "CENTRIFUGO_HTTP_API_KEY" $secret $keys.apiKey) }}
{{- if .Values.grpcApi.enabled }}
{{- include "k8srelay.secretEnv" (list "CENTRIFUGO_GRPC_API_KEY" $secret $keys.apiKey) }}
{{- end }}
{{- if .Values.admin.enabled }}
{{- include "k8srelay.secretEnv" (list "CENTRIFUGO_ADMIN_PASSWORD" $secret $keys.adminPassword) }}
{{- include "k8srelay.secretEnv" (list "CENTRIFUGO_ADMIN_SECRET" $secret $keys.adminSecret) }}
{{- end }}
{{- $auth := .Values.engine.redis.auth }}
{{- if and (eq .Values.engine.type "redis") $auth.existingSecret }}
{{- if $auth.usernameKey }}
{{- include "k8srelay.secretEnv" (list "CENTRIFUGO_ENGINE_REDIS_USER" $auth.existingSecret $auth.usernameKey) }}
{{- end }}
{{- include "k8srelay.secretEnv" (list "CENTRIFUGO_ENGINE_REDIS_PASSWORD" $auth.existingSecret $auth.passwordKey) }}
{{- if $auth.sentinelPasswordKey }}
{{- include "k8srelay.secretEnv" (list "CENTRIFUGO_ENGINE_REDIS_SENTINEL_PASSWORD" $auth.existingSecret $auth.sentinelPasswordKey) }}
{{- end }}
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* One variable from a Secret key: (list NAME SECRET KEY). */}}
{{- define "k8srelay.secretEnv" }}
- name: {{ index . 0 }}
  valueFrom:
    secretKeyRef:
      name: {{ index . 1 }}
      key: {{ index . 2 }}
{{- end -}}
