using K8sRelay.Server.Cli;

namespace K8sRelay.Server.Tests.Cli;

/// <summary>Runs the command line in-process and captures its output and exit code.</summary>
public static class CliRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, CancellationToken.None);
        return (code, output + error.ToString());
    }
}
