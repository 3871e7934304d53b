{{/*
What the operator does to the API, and nothing more. Every rule matches calls in the operator's source; the chart
tests compare these rules with operator-permissions.json and that file with the operator's source.
*/}}
{{- define "k8srelay-operator.rules" -}}
# RealtimeClusters: watched through list+watch; status written with a merge patch on /status.
- apiGroups: ["k8srelay.io"]
  resources: ["realtimeclusters"]
  verbs: ["list", "watch"]
- apiGroups: ["k8srelay.io"]
  resources: ["realtimeclusters/status"]
  verbs: ["patch"]
# Children carry a blocking owner reference to their RealtimeCluster, which needs update on its finalizers.
- apiGroups: ["k8srelay.io"]
  resources: ["realtimeclusters/finalizers"]
  verbs: ["update"]
# Children: cached by list+watch, created when missing, merge-patched when they drift, deleted when unwanted.
- apiGroups: ["apps"]
  resources: ["deployments", "statefulsets"]
  verbs: ["list", "watch", "create", "patch", "delete"]
- apiGroups: [""]
  resources: ["services", "configmaps"]
  verbs: ["list", "watch", "create", "patch", "delete"]
- apiGroups: ["policy"]
  resources: ["poddisruptionbudgets"]
  verbs: ["list", "watch", "create", "patch", "delete"]
- apiGroups: ["autoscaling"]
  resources: ["horizontalpodautoscalers"]
  verbs: ["list", "watch", "create", "patch", "delete"]
# Secrets: the generated auth Secret is created once and never deleted; referenced Secrets are read directly.
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch", "create", "patch"]
# Pods: watched for drain planning; patched with the deletion-cost and draining annotations on scale-down.
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["list", "watch", "patch"]
{{- end -}}
