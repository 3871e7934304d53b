namespace K8sRelay.Configuration;

/// <summary>A configuration file format.</summary>
public enum ConfigFileFormat
{
    /// <summary>JSON (<c>.json</c>). Comments and trailing commas are tolerated when reading.</summary>
    Json,

    /// <summary>YAML (<c>.yaml</c> or <c>.yml</c>).</summary>
    Yaml,
}
