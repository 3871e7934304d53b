using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace K8sRelay.Core.Diagnostics;

/// <summary>
/// The <c>client_name</c> and <c>client_version</c> labels of one connection, from the <c>name</c> and
/// <c>version</c> of its connect command. Both come from the client, so the number of label values is bounded:
/// only the names the official SDKs send by default are kept (any other name, and no name, is the empty value,
/// which is what Centrifugo OSS records for every client), a version is kept only for such a name and only when
/// it looks like a version number, and once <see cref="MaxCombinations"/> name and version pairs have been seen
/// new versions are recorded without their version.
/// </summary>
public sealed class ClientMetricLabels
{
    /// <summary>Most distinct name and version pairs recorded per node.</summary>
    public const int MaxCombinations = 256;

    /// <summary>Longest version text recorded.</summary>
    public const int MaxVersionLength = 32;

    /// <summary>Labels of a connection whose name is not recorded.</summary>
    public static readonly ClientMetricLabels Unnamed = new(string.Empty, string.Empty);

    private static readonly FrozenSet<string> KnownNames = new[]
    {
        "js", "go", "dart", "swift", "java", "python",
    }.ToFrozenSet(StringComparer.Ordinal);

    private ClientMetricLabels(string name, string version)
    {
        Name = name;
        Version = version;
        NameTag = new KeyValuePair<string, object?>("client_name", name);
        VersionTag = new KeyValuePair<string, object?>("client_version", version);
    }

    /// <summary>The <c>client_name</c> value.</summary>
    public string Name { get; }

    /// <summary>The <c>client_version</c> value.</summary>
    public string Version { get; }

    internal KeyValuePair<string, object?> NameTag { get; }

    internal KeyValuePair<string, object?> VersionTag { get; }

    /// <summary>Creates the label cache of one node.</summary>
    public static Cache CreateCache() => new();

    /// <summary>True for a name the official SDKs send and metrics therefore record.</summary>
    public static bool IsRecordedName(string? name) => name is not null && KnownNames.Contains(name);

    private static bool LooksLikeVersion(string version)
    {
        if (version.Length is 0 or > MaxVersionLength || !char.IsAsciiDigit(version[0]))
        {
            return false;
        }

        foreach (var c in version)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '+'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The labels in use on one node, shared by its connections. Thread-safe.</summary>
    public sealed class Cache
    {
        private readonly ConcurrentDictionary<(string Name, string Version), ClientMetricLabels> _known = new();

        internal Cache()
        {
        }

        /// <summary>The labels for a connect command's <paramref name="name"/> and <paramref name="version"/>.</summary>
        public ClientMetricLabels For(string? name, string? version)
        {
            if (name is null || !KnownNames.TryGetValue(name, out var recordedName))
            {
                return Unnamed;
            }

            var recordedVersion = version is not null && LooksLikeVersion(version) ? version : string.Empty;
            var key = (recordedName, recordedVersion);
            if (_known.TryGetValue(key, out var labels))
            {
                return labels;
            }

            if (_known.Count >= MaxCombinations)
            {
                key = (recordedName, string.Empty);
            }

            return _known.GetOrAdd(key, static k => new ClientMetricLabels(k.Name, k.Version));
        }
    }
}
