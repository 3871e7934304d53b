using System.CommandLine;
using K8sRelay.Configuration;
using K8sRelay.Server.Hosting;

namespace K8sRelay.Server.Cli;

/// <summary>
/// Runs the server: the root command and <c>serve</c>. Takes <c>-c/--config FILE</c> plus any
/// configuration flag the loader reads (<c>--http_server.port 8001</c>,
/// <c>--client.insecure</c>, <c>-p</c>, <c>-a</c>); flags win over environment variables, which
/// win over the file. A bad configuration prints the problem and exits with 1.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the server (the default command).");
        Configure(command);
        return command;
    }

    /// <summary>Adds the options and the action to <paramref name="command"/>.</summary>
    public static void Configure(Command command)
    {
        var config = new Option<string?>("--config", "-c") { Description = "path to the config file (JSON or YAML)" };
        command.Options.Add(config);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(config), [.. parse.UnmatchedTokens], parse.InvocationConfiguration.Output, cancellationToken));
    }

    private static async Task<int> RunAsync(string? configPath, List<string> flags, TextWriter output, CancellationToken cancellationToken)
    {
        ConfigLoadResult loaded;
        try
        {
            loaded = RelayConfigLoader.Load(configPath, RelayConfigLoader.ReadProcessEnvironment(), flags);
        }
        catch (ConfigException ex)
        {
            await output.WriteLineAsync("error: " + CliConfig.Describe(ex)).ConfigureAwait(false);
            return 1;
        }

        WebApplication app;
        try
        {
            app = RelayServerApp.Build(loaded.Config, loaded.Warnings);
        }
        catch (ConfigException ex)
        {
            // Problems found only while setting up (a TLS certificate that does not load).
            await output.WriteLineAsync("error: " + CliConfig.Describe(ex)).ConfigureAwait(false);
            return 1;
        }

        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }
}
