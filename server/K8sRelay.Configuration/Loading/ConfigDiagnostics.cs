namespace K8sRelay.Configuration.Loading;

/// <summary>Errors and warnings collected while a configuration is read.</summary>
internal sealed class ConfigDiagnostics
{
    /// <summary>Problems that make the configuration unusable.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Problems that are reported but do not stop loading, such as unknown keys.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Records a bad value for <paramref name="keyPath"/>, optionally naming where it came from.</summary>
    public void InvalidValue(string keyPath, string message, string? source = null) =>
        Errors.Add(source is null
            ? $"invalid value for \"{keyPath}\": {message}"
            : $"invalid value for \"{keyPath}\" (from {source}): {message}");

    /// <summary>Records an unknown key found in a configuration file.</summary>
    public void UnknownKey(string keyPath) => Warnings.Add(ForeignKeys.DescribeUnknown(keyPath));
}
