namespace K8sRelay.Operator.Crds;

/// <summary>Renders the annotated string property as <c>x-kubernetes-int-or-string</c> (for example "25%" or 1).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IntOrStringAttribute : Attribute;
