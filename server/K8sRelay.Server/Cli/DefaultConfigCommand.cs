using System.CommandLine;
using K8sRelay.Configuration;

namespace K8sRelay.Server.Cli;

/// <summary>
/// <c>defaultconfig [-c FILE] [--base FILE] [--dry-run]</c>: writes every option with its default
/// (or the value from the base file), in JSON or YAML by the target's extension. An existing
/// target is not overwritten; <c>--dry-run</c> prints instead of writing.
/// </summary>
internal static class DefaultConfigCommand
{
    public static Command Create(TextWriter output)
    {
        var config = CliConfig.PathOption("path to the config file to generate (.json, .yaml or .yml)");
        var baseFile = new Option<string?>("--base", "-b") { Description = "path to a base config file whose values replace the defaults" };
        var dryRun = new Option<bool>("--dry-run", "-d") { Description = "print the configuration instead of writing the file" };
        var command = new Command("defaultconfig", "Generate a full configuration file with defaults.") { config, baseFile, dryRun };
        command.SetAction(parse => Run(parse.GetValue(config)!, parse.GetValue(baseFile), parse.GetValue(dryRun), output));
        return command;
    }

    private static int Run(string path, string? baseFile, bool dryRun, TextWriter output)
    {
        try
        {
            if (!dryRun && File.Exists(path))
            {
                output.WriteLine("error: target file already exists");
                return 1;
            }

            var format = ConfigFileFormats.FromPath(path);
            var config = string.IsNullOrEmpty(baseFile) ? RelayConfigFactory.CreateDefault() : RelayConfigLoader.LoadFile(baseFile).Config;
            var text = RelayConfigWriter.Write(config, format);
            if (dryRun)
            {
                output.WriteLine(text);
            }
            else
            {
                File.WriteAllText(path, text);
            }

            return 0;
        }
        catch (Exception ex) when (ex is ConfigException or IOException or UnauthorizedAccessException)
        {
            output.WriteLine("error: " + (ex is ConfigException config ? CliConfig.Describe(config) : ex.Message));
            return 1;
        }
    }
}
