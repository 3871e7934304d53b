namespace K8sRelay.Configuration;

/// <summary>Chooses a <see cref="ConfigFileFormat"/> from a file name.</summary>
public static class ConfigFileFormats
{
    /// <summary>
    /// The format of <paramref name="path"/> by its extension: <c>.json</c> is JSON,
    /// <c>.yaml</c> and <c>.yml</c> are YAML (case-insensitive).
    /// </summary>
    /// <exception cref="ConfigException">Any other extension, including <c>.toml</c> (not supported).</exception>
    public static ConfigFileFormat FromPath(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".json" => ConfigFileFormat.Json,
            ".yaml" or ".yml" => ConfigFileFormat.Yaml,
            ".toml" => throw new ConfigException($"config file \"{path}\": TOML is not supported, use .json, .yaml or .yml"),
            _ => throw new ConfigException($"config file \"{path}\": unknown extension \"{extension}\", use .json, .yaml or .yml"),
        };
    }
}
