using System.ComponentModel.DataAnnotations;

namespace K8sRelay.Operator.Entities;

/// <summary>How a generated secret value looks.</summary>
public sealed class GenerateSecretSpec
{
    /// <summary>Number of random characters (URL-safe alphabet).</summary>
    [Range(16, 256)]
    public int Length { get; set; } = 64;
}
