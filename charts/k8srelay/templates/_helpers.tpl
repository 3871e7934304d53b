{{/* Names and labels shared by the server chart's templates. */}}

{{- define "k8srelay.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The prefix of every object name: the release name, plus the chart name unless the release already holds it. */}}
{{- define "k8srelay.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "k8srelay.selectorLabels" -}}
app.kubernetes.io/name: {{ include "k8srelay.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: server
{{- end -}}

{{- define "k8srelay.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "k8srelay.selectorLabels" . }}
app.kubernetes.io/version: {{ (default .Chart.AppVersion .Values.image.tag) | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: k8srelay
{{- end -}}

{{- define "k8srelay.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "k8srelay.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "k8srelay.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/* The Secret the server's secrets come from. */}}
{{- define "k8srelay.secretName" -}}
{{- default (include "k8srelay.fullname" .) .Values.secrets.existingSecret -}}
{{- end -}}

{{/* Name of the container port that serves the API, health and metrics. */}}
{{- define "k8srelay.internalPortName" -}}
{{- if .Values.internalService.enabled -}}internal{{- else -}}http{{- end -}}
{{- end -}}

{{/* The termination grace period: explicit, or preStop delay + shutdown timeout + a 5 s margin. */}}
{{- define "k8srelay.terminationGracePeriod" -}}
{{- $s := .Values.shutdown -}}
{{- if gt (int $s.terminationGracePeriodSeconds) 0 -}}
{{- int $s.terminationGracePeriodSeconds -}}
{{- else -}}
{{- add (int $s.preStopDelaySeconds) (int $s.timeoutSeconds) 5 -}}
{{- end -}}
{{- end -}}
