using System.Collections;
using K8sRelay.Configuration.Loading;
using K8sRelay.Configuration.Model;

namespace K8sRelay.Configuration;

/// <summary>
/// Loads a <see cref="RelayConfig"/> the way Centrifugo v6 does: defaults, then the config file
/// (JSON or YAML by extension), then environment variables, then command-line flags; a later
/// source wins. The result is validated with <see cref="RelayConfigValidator"/>.
/// </summary>
/// <remarks>
/// <para>Environment variables: <c>CENTRIFUGO_</c> plus the upper-cased key path with dots as
/// underscores (<c>CENTRIFUGO_HTTP_SERVER_PORT</c>). The prefix <c>K8SRELAY_</c> is an alias
/// for the same keys; when both are set for one key, <c>K8SRELAY_</c> wins and a warning is
/// given. Empty variables count as unset. Booleans read <c>1/0/t/f/true/false</c> in any case,
/// string lists are space-separated, maps and object lists (such as
/// <c>CENTRIFUGO_CHANNEL_NAMESPACES</c>) are JSON; named items can also be listed as
/// space-separated names and configured one key at a time
/// (<c>CENTRIFUGO_CHANNEL_NAMESPACES_CHAT_PRESENCE=true</c>).</para>
/// <para>Flags: <c>--http_server.port=8001</c>, <c>--http_server.port 8001</c>,
/// <c>--client.insecure</c> (a boolean without value is true), <c>-p</c> for the port,
/// <c>-a</c> for the address and <c>-c</c>/<c>--config</c> for the file.</para>
/// <para>Durations are Go durations (<c>"500ms"</c>, <c>"25s"</c>, <c>"1m30s"</c>,
/// <c>"720h"</c>); a bare integer counts nanoseconds, as in Centrifugo, so <c>-1</c> is
/// negative (disabled).</para>
/// </remarks>
public static class RelayConfigLoader
{
    /// <summary>Loads a configuration from a file, environment variables and flags.</summary>
    /// <param name="filePath">The config file; null for none (a <c>-c</c>/<c>--config</c> flag is then used if present). A path that does not exist is an error.</param>
    /// <param name="environment">Environment variables; see <see cref="ReadProcessEnvironment"/>.</param>
    /// <param name="flagArgs">Command-line flags (not the command name).</param>
    /// <returns>The validated configuration and the warnings.</returns>
    /// <exception cref="ConfigException">Any source is unreadable or a value is invalid; <see cref="ConfigException.Errors"/> lists every problem.</exception>
    public static ConfigLoadResult Load(string? filePath, IReadOnlyDictionary<string, string?> environment, IReadOnlyList<string> flagArgs)
    {
        var diagnostics = new ConfigDiagnostics();
        var flags = FlagArguments.Parse(flagArgs, typeof(RelayConfig), diagnostics);
        filePath ??= flags.ConfigPath;

        var config = new RelayConfig();
        if (filePath is not null)
        {
            var root = ConfigFileReader.ReadFile(filePath, diagnostics);
            if (root is not null)
            {
                JsonConfigBinder.BindObject(root, config, "", diagnostics);
            }
        }

        new EnvironmentBinder(environment, diagnostics).Apply(config);
        flags.Apply(config, diagnostics);
        return Finish(config, diagnostics, filePath);
    }

    /// <summary>Loads a configuration from a file only (no environment, no flags).</summary>
    /// <exception cref="ConfigException">The file is unreadable or invalid.</exception>
    public static ConfigLoadResult LoadFile(string filePath) =>
        Load(filePath, new Dictionary<string, string?>(), []);

    /// <summary>Parses configuration text in <paramref name="format"/> (no environment, no flags) and validates it.</summary>
    /// <exception cref="ConfigException">The text is not valid in that format or a value is invalid.</exception>
    public static ConfigLoadResult Parse(string text, ConfigFileFormat format)
    {
        var diagnostics = new ConfigDiagnostics();
        var config = new RelayConfig();
        var root = ConfigFileReader.ReadText(text, format, "text", diagnostics);
        if (root is not null)
        {
            JsonConfigBinder.BindObject(root, config, "", diagnostics);
        }

        return Finish(config, diagnostics, filePath: null);
    }

    /// <summary>A snapshot of the current process's environment variables.</summary>
    public static IReadOnlyDictionary<string, string?> ReadProcessEnvironment()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string;
        }

        return result;
    }

    private static ConfigLoadResult Finish(RelayConfig config, ConfigDiagnostics diagnostics, string? filePath)
    {
        diagnostics.Errors.AddRange(RelayConfigValidator.Validate(config));
        if (diagnostics.Errors.Count > 0)
        {
            throw new ConfigException([.. diagnostics.Errors]);
        }

        return new ConfigLoadResult(config, [.. diagnostics.Warnings], filePath);
    }
}
