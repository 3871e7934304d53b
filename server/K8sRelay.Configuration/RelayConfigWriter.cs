using System.Text.Encodings.Web;
using System.Text.Json;
using K8sRelay.Configuration.Model;
using K8sRelay.Configuration.Writing;

namespace K8sRelay.Configuration;

/// <summary>
/// Renders a <see cref="RelayConfig"/> as a Centrifugo v6 config file (nested snake_case keys,
/// durations as Go strings such as <c>"25s"</c>) or as environment variables. The output loads
/// back with <see cref="RelayConfigLoader"/> to an equal configuration.
/// </summary>
public static class RelayConfigWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Renders <paramref name="config"/> as indented JSON.</summary>
    /// <param name="config">The configuration.</param>
    /// <param name="onlyNonDefault">Write only keys whose value differs from the default (sections left empty are dropped).</param>
    /// <param name="alwaysInclude">Dotted key paths to write even when they hold the default, such as <c>client.allowed_origins</c>.</param>
    public static string ToJson(RelayConfig config, bool onlyNonDefault = false, IReadOnlyCollection<string>? alwaysInclude = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return ConfigTreeWriter.Write(config, onlyNonDefault, ToSet(alwaysInclude)).ToJsonString(JsonOptions) + "\n";
    }

    /// <summary>Renders <paramref name="config"/> as YAML; parameters as for <see cref="ToJson"/>.</summary>
    public static string ToYaml(RelayConfig config, bool onlyNonDefault = false, IReadOnlyCollection<string>? alwaysInclude = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return YamlTreeWriter.Write(ConfigTreeWriter.Write(config, onlyNonDefault, ToSet(alwaysInclude)));
    }

    /// <summary>Renders <paramref name="config"/> in <paramref name="format"/>; parameters as for <see cref="ToJson"/>.</summary>
    public static string Write(RelayConfig config, ConfigFileFormat format, bool onlyNonDefault = false, IReadOnlyCollection<string>? alwaysInclude = null) =>
        format == ConfigFileFormat.Yaml ? ToYaml(config, onlyNonDefault, alwaysInclude) : ToJson(config, onlyNonDefault, alwaysInclude);

    /// <summary>
    /// Renders <paramref name="config"/> as <c>CENTRIFUGO_*</c> environment variables (for
    /// <c>defaultenv</c> or a container spec). Lists of strings are space-separated, maps and
    /// object lists JSON. With <paramref name="onlyNonDefault"/> false every key is listed;
    /// since an empty variable means unset, an empty string cannot override a non-empty default.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ToEnvironment(RelayConfig config, bool onlyNonDefault = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        return EnvironmentWriter.Write(config, onlyNonDefault);
    }

    private static HashSet<string> ToSet(IReadOnlyCollection<string>? keys) =>
        keys is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(keys, StringComparer.Ordinal);
}
