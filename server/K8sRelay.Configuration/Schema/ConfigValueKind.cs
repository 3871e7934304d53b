namespace K8sRelay.Configuration.Schema;

/// <summary>The shape of a configuration value, which decides how it is read from files, environment and flags.</summary>
internal enum ConfigValueKind
{
    /// <summary>A nested section (an object in a file).</summary>
    Section,

    /// <summary>A list of objects, such as <c>channel.namespaces</c> (a JSON array in environment variables).</summary>
    ObjectList,

    /// <summary>A list of strings (space-separated in environment variables).</summary>
    StringList,

    /// <summary>A string to string map (a JSON object in environment variables).</summary>
    StringMap,

    /// <summary>A string.</summary>
    String,

    /// <summary>A boolean.</summary>
    Bool,

    /// <summary>A 32-bit integer.</summary>
    Int,

    /// <summary>A 64-bit integer.</summary>
    Long,

    /// <summary>A duration written the Go way (<c>"25s"</c>, <c>"1m30s"</c>).</summary>
    Duration,
}
