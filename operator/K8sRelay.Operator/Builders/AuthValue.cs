namespace K8sRelay.Operator.Builders;

/// <summary>One secret value of the server.</summary>
/// <param name="EnvironmentVariable">The CENTRIFUGO_* variable that carries it into the server container.</param>
/// <param name="SecretName">Secret that holds it.</param>
/// <param name="Key">Key within the Secret.</param>
/// <param name="GeneratedLength">Length of a generated value; null when the user references their own Secret.</param>
public sealed record AuthValue(string EnvironmentVariable, string SecretName, string Key, int? GeneratedLength)
{
    /// <summary>True when the operator generates the value.</summary>
    public bool IsGenerated => GeneratedLength is not null;
}
