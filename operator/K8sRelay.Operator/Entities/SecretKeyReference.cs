using System.ComponentModel.DataAnnotations;

namespace K8sRelay.Operator.Entities;

/// <summary>A key in a Secret of the same namespace.</summary>
public sealed class SecretKeyReference
{
    /// <summary>Name of the Secret.</summary>
    [MinLength(1)]
    public string Name { get; set; } = "";

    /// <summary>Key within the Secret.</summary>
    [MinLength(1)]
    public string Key { get; set; } = "";
}
