// Shapes of the custom resources the charts render but kubernetes-models does not know: prometheus-operator's
// ServiceMonitor and PodMonitor, KEDA's ScaledObject. Only the fields of the published CRDs are listed (the
// parts the charts may use); `true` accepts any value, `required` lists fields that must be present.
const any = true;
const labelSelector = { matchLabels: any, matchExpressions: any };
const namespaceSelector = { any, matchNames: any };
const metadata = { name: any, namespace: any, labels: any, annotations: any };
const relabeling = { relabelings: any, metricRelabelings: any };
const scrapeEndpoint = {
  port: any, targetPort: any, path: any, scheme: any, params: any, interval: any, scrapeTimeout: any,
  honorLabels: any, honorTimestamps: any, tlsConfig: any, authorization: any, basicAuth: any, ...relabeling,
};

const shapes = {
  'monitoring.coreos.com/v1 ServiceMonitor': {
    required: ['spec'],
    fields: {
      apiVersion: any, kind: any, metadata,
      spec: {
        required: ['selector', 'endpoints'],
        fields: {
          selector: labelSelector, namespaceSelector, jobLabel: any, targetLabels: any, podTargetLabels: any,
          sampleLimit: any, endpoints: { items: { fields: { ...scrapeEndpoint, bearerTokenSecret: any } } },
        },
      },
    },
  },
  'monitoring.coreos.com/v1 PodMonitor': {
    required: ['spec'],
    fields: {
      apiVersion: any, kind: any, metadata,
      spec: {
        required: ['selector'],
        fields: {
          selector: labelSelector, namespaceSelector, jobLabel: any, podTargetLabels: any, sampleLimit: any,
          podMetricsEndpoints: { items: { fields: { ...scrapeEndpoint, portNumber: any } } },
        },
      },
    },
  },
  'keda.sh/v1alpha1 ScaledObject': {
    required: ['spec'],
    fields: {
      apiVersion: any, kind: any, metadata,
      spec: {
        required: ['scaleTargetRef', 'triggers'],
        fields: {
          scaleTargetRef: { required: ['name'], fields: { apiVersion: any, kind: any, name: any, envSourceContainerName: any } },
          pollingInterval: any, cooldownPeriod: any, initialCooldownPeriod: any, idleReplicaCount: any,
          minReplicaCount: any, maxReplicaCount: any, fallback: any,
          advanced: {
            fields: {
              restoreToOriginalReplicaCount: any, scalingModifiers: any,
              horizontalPodAutoscalerConfig: { fields: { name: any, behavior: any } },
            },
          },
          triggers: {
            items: {
              required: ['type', 'metadata'],
              fields: { type: any, name: any, metadata: any, metricType: any, useCachedMetrics: any, authenticationRef: any },
            },
          },
        },
      },
    },
  },
};

function walk(value, shape, where, problems) {
  if (shape === any || value === null || typeof value !== 'object') {
    return;
  }
  if (shape.items) {
    if (!Array.isArray(value)) {
      problems.push(`${where}: must be a list`);
      return;
    }
    value.forEach((item, i) => walk(item, shape.items, `${where}[${i}]`, problems));
    return;
  }
  const fields = shape.fields ?? shape;
  for (const name of shape.required ?? []) {
    if (!(name in value)) {
      problems.push(`${where ? where + '.' : ''}${name}: required field missing`);
    }
  }
  for (const [name, item] of Object.entries(value)) {
    if (name === 'required' || !(name in fields)) {
      problems.push(`${where ? where + '.' : ''}${name}: unknown field`);
      continue;
    }
    walk(item, fields[name], where ? `${where}.${name}` : name, problems);
  }
}

/** Problems of a custom resource with a known shape, or null when its kind has no shape here. */
export function checkCustomKind(object) {
  const shape = shapes[`${object.apiVersion} ${object.kind}`];
  if (!shape) {
    return null;
  }
  const problems = [];
  walk(object, shape, '', problems);
  return problems;
}
