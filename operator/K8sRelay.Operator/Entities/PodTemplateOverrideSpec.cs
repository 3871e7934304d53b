using System.Text.Json.Nodes;
using K8sRelay.Operator.Crds;

namespace K8sRelay.Operator.Entities;

/// <summary>
/// Overrides merged into the generated pod template last. Maps merge key by key; lists of objects with a name
/// (containers, volumes, env, ports) merge by name; other lists replace the generated ones.
/// </summary>
public sealed class PodTemplateOverrideSpec
{
    /// <summary>Extra pod labels. Labels the operator selects on cannot be changed.</summary>
    public Dictionary<string, string>? Labels { get; set; }

    /// <summary>Extra pod annotations.</summary>
    public Dictionary<string, string>? Annotations { get; set; }

    /// <summary>A partial core/v1 PodSpec merged over the generated one, for example extra containers or volumes.</summary>
    [PreserveUnknownFields]
    public JsonObject? Spec { get; set; }
}
