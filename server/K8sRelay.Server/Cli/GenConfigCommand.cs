using System.CommandLine;
using K8sRelay.Configuration;

namespace K8sRelay.Server.Cli;

/// <summary>
/// <c>genconfig [-c FILE]</c>: writes a minimal configuration with fresh random secrets
/// (<c>client.token.hmac_secret_key</c>, <c>admin.password</c>, <c>admin.secret</c>,
/// <c>http_api.key</c>) and <c>client.allowed_origins: []</c>, in JSON or YAML by the file's
/// extension. An existing file is not overwritten. The written file is loaded back and
/// validated; a file that fails is removed.
/// </summary>
internal static class GenConfigCommand
{
    public static Command Create(TextWriter output)
    {
        var config = CliConfig.PathOption("path to the config file to generate (.json, .yaml or .yml)");
        var command = new Command("genconfig", "Generate a minimal configuration file with random secrets.") { config };
        command.SetAction(parse => Run(parse.GetValue(config)!, output));
        return command;
    }

    private static int Run(string path, TextWriter output)
    {
        try
        {
            if (File.Exists(path))
            {
                output.WriteLine($"error: output config file already exists: {path}");
                return 1;
            }

            var format = ConfigFileFormats.FromPath(path);
            File.WriteAllText(path, RelayConfigFactory.RenderGenerated(format));
        }
        catch (Exception ex) when (ex is ConfigException or IOException or UnauthorizedAccessException)
        {
            output.WriteLine("error: " + (ex is ConfigException config ? CliConfig.Describe(config) : ex.Message));
            return 1;
        }

        try
        {
            RelayConfigLoader.LoadFile(path);
            return 0;
        }
        catch (ConfigException ex)
        {
            File.Delete(path);
            output.WriteLine("error validating config: " + CliConfig.Describe(ex));
            return 1;
        }
    }
}
