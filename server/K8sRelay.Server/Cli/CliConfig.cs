using System.CommandLine;
using K8sRelay.Configuration;
using K8sRelay.Configuration.Model;

namespace K8sRelay.Server.Cli;

/// <summary>The <c>-c/--config</c> option and configuration loading shared by the commands.</summary>
internal static class CliConfig
{
    /// <summary>Centrifugo's default config file name.</summary>
    public const string DefaultPath = "config.json";

    /// <summary>A <c>-c/--config</c> option defaulting to <c>config.json</c>.</summary>
    public static Option<string> PathOption(string description) => new("--config", "-c")
    {
        Description = description,
        DefaultValueFactory = _ => DefaultPath,
    };

    /// <summary>
    /// Loads the configuration like Centrifugo's tools do: the file (a missing file just means
    /// defaults), then environment variables. Throws <see cref="ConfigException"/>.
    /// </summary>
    public static RelayConfig LoadTolerant(string path) =>
        RelayConfigLoader.Load(File.Exists(path) ? path : null, RelayConfigLoader.ReadProcessEnvironment(), []).Config;

    /// <summary>All problems of a configuration exception on one line.</summary>
    public static string Describe(ConfigException exception) =>
        exception.Errors.Count > 0 ? string.Join("; ", exception.Errors) : exception.Message;
}
