namespace K8sRelay.Operator.Crds;

/// <summary>Declares the <c>scale</c> subresource so <c>kubectl scale</c>, an HPA or KEDA can target the resource.</summary>
/// <param name="specReplicasPath">JSONPath of the desired replica count.</param>
/// <param name="statusReplicasPath">JSONPath of the observed replica count.</param>
/// <param name="labelSelectorPath">JSONPath of the string label selector of the pods; required by the HPA.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ScaleSubresourceAttribute(string specReplicasPath, string statusReplicasPath, string labelSelectorPath) : Attribute
{
    /// <summary>JSONPath of the desired replica count.</summary>
    public string SpecReplicasPath { get; } = specReplicasPath;

    /// <summary>JSONPath of the observed replica count.</summary>
    public string StatusReplicasPath { get; } = statusReplicasPath;

    /// <summary>JSONPath of the label selector string.</summary>
    public string LabelSelectorPath { get; } = labelSelectorPath;
}
