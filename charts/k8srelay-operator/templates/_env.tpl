{{/*
Environment of the operator container. K8SRELAY_OPERATOR__* variables bind to the operator's options
(OperatorOptions and LeaderElectionOptions); the chart tests check every name against those classes.
*/}}
{{- define "k8srelay-operator.env" -}}
{{- $le := .Values.leaderElection -}}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
- name: K8SRELAY_OPERATOR__WATCHNAMESPACE
  value: {{ .Values.watchNamespace | quote }}
- name: K8SRELAY_OPERATOR__WORKERS
  value: {{ .Values.workers | quote }}
- name: K8SRELAY_OPERATOR__RESYNCPERIOD
  value: {{ include "k8srelay-operator.timespan" .Values.resyncPeriodSeconds | quote }}
- name: K8SRELAY_OPERATOR__DEFAULTIMAGEREPOSITORY
  value: {{ .Values.serverImage.repository | quote }}
- name: K8SRELAY_OPERATOR__DEFAULTSERVERVERSION
  value: {{ default .Chart.AppVersion .Values.serverImage.version | quote }}
- name: K8SRELAY_OPERATOR__HEALTHURL
  value: {{ printf "http://0.0.0.0:%d" (int .Values.healthPort) | quote }}
- name: K8SRELAY_OPERATOR__LEADERELECTION__ENABLED
  value: {{ $le.enabled | quote }}
- name: K8SRELAY_OPERATOR__LEADERELECTION__LEASENAME
  value: {{ $le.leaseName | quote }}
- name: K8SRELAY_OPERATOR__LEADERELECTION__LEASEDURATION
  value: {{ include "k8srelay-operator.timespan" $le.leaseDurationSeconds | quote }}
- name: K8SRELAY_OPERATOR__LEADERELECTION__RENEWDEADLINE
  value: {{ include "k8srelay-operator.timespan" $le.renewDeadlineSeconds | quote }}
- name: K8SRELAY_OPERATOR__LEADERELECTION__RETRYPERIOD
  value: {{ include "k8srelay-operator.timespan" $le.retryPeriodSeconds | quote }}
- name: Logging__LogLevel__Default
  value: {{ .Values.logLevel | quote }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}
