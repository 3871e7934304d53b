using K8sRelay.Configuration;

namespace K8sRelay.Server.Hosting;

/// <summary>Entry point: loads the configuration (file, environment, flags) and runs the server.</summary>
public static class ServerProgram
{
    /// <summary>Runs the server; returns the process exit code (1 for a bad configuration).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var (configPath, flags) = SplitConfigFlag(args);
        ConfigLoadResult loaded;
        try
        {
            loaded = RelayConfigLoader.Load(configPath, RelayConfigLoader.ReadProcessEnvironment(), flags);
        }
        catch (ConfigException ex)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 1;
        }

        await using var app = RelayServerApp.Build(loaded.Config, loaded.Warnings);
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>Takes <c>-c FILE</c>, <c>--config FILE</c> or <c>--config=FILE</c> out of the arguments.</summary>
    internal static (string? ConfigPath, List<string> Flags) SplitConfigFlag(string[] args)
    {
        string? path = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if ((arg == "-c" || arg == "--config") && i + 1 < args.Length)
            {
                path = args[++i];
            }
            else if (arg.StartsWith("--config=", StringComparison.Ordinal))
            {
                path = arg["--config=".Length..];
            }
            else
            {
                rest.Add(arg);
            }
        }

        return (path, rest);
    }
}
