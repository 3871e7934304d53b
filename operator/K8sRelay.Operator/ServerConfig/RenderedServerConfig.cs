namespace K8sRelay.Operator.ServerConfig;

/// <summary>The rendered config.json and the problems found while rendering and validating it.</summary>
/// <param name="Json">The config file content.</param>
/// <param name="Errors">Readable problems; empty when the server will accept the config.</param>
public sealed record RenderedServerConfig(string Json, IReadOnlyList<string> Errors)
{
    /// <summary>True when the server will accept the config.</summary>
    public bool IsValid => Errors.Count == 0;
}
