using System.CommandLine;
using K8sRelay.Configuration;

namespace K8sRelay.Server.Cli;

/// <summary>
/// <c>checkconfig [-c FILE] [--strict]</c>: loads and validates a configuration (file plus
/// environment). Prints nothing and exits 0 when it is valid; prints the problem and exits 1 when
/// the file is missing or invalid, or, with <c>--strict</c>, has unknown keys.
/// </summary>
internal static class CheckConfigCommand
{
    public static Command Create(TextWriter output)
    {
        var config = CliConfig.PathOption("path to the config file to check");
        var strict = new Option<bool>("--strict", "-s") { Description = "strict check: fail on unknown keys" };
        var command = new Command("checkconfig", "Check a configuration file.") { config, strict };
        command.SetAction(parse => Run(parse.GetValue(config)!, parse.GetValue(strict), output));
        return command;
    }

    private static int Run(string path, bool strict, TextWriter output)
    {
        if (!File.Exists(path))
        {
            output.WriteLine("config file not found");
            return 1;
        }

        ConfigLoadResult loaded;
        try
        {
            loaded = RelayConfigLoader.Load(path, RelayConfigLoader.ReadProcessEnvironment(), []);
        }
        catch (ConfigException ex)
        {
            output.WriteLine("error validating config: " + CliConfig.Describe(ex));
            return 1;
        }

        var unknown = loaded.Warnings.Where(w => w.Contains("unknown key", StringComparison.Ordinal)).ToList();
        if (strict && unknown.Count > 0)
        {
            output.WriteLine("unknown keys in config: " + string.Join(", ", unknown));
            return 1;
        }

        return 0;
    }
}
