{{/* The prometheus-adapter rule that serves the connections gauge of every server pod as a Pods metric. */}}
{{- define "k8srelay-operator.adapterRules" -}}
rules:
  - seriesQuery: 'centrifugo_node_num_clients{namespace!="",pod!=""}'
    resources:
      overrides:
        namespace:
          resource: namespace
        pod:
          resource: pod
    name:
      matches: ^centrifugo_node_num_clients$
      as: {{ .Values.connectionMetrics.metricName }}
    metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)
{{- end -}}

{{/* Pod names of a RealtimeCluster's server Deployment: <cluster>-<template hash>-<suffix>. */}}
{{- define "k8srelay-operator.serverPodPattern" -}}
{{- printf "%s-[a-z0-9]+-[a-z0-9]{5}" . -}}
{{- end -}}
