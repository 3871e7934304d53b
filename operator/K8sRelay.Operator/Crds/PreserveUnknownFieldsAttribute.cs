namespace K8sRelay.Operator.Crds;

/// <summary>
/// Renders the annotated property as a free-form object (<c>x-kubernetes-preserve-unknown-fields</c>).
/// Used for raw server config and for embedded Kubernetes types whose full schema would bloat the CRD.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PreserveUnknownFieldsAttribute : Attribute;
