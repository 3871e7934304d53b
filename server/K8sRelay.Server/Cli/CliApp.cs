using System.CommandLine;

namespace K8sRelay.Server.Cli;

/// <summary>
/// The <c>k8srelay</c> command line, with Centrifugo's commands, flags, output and exit codes:
/// <c>serve</c> (the default: runs the server), <c>version</c>, <c>genconfig</c>,
/// <c>checkconfig</c>, <c>defaultconfig</c>, <c>gentoken</c>, <c>gensubtoken</c>,
/// <c>checktoken</c> and <c>checksubtoken</c>. Every command answers <c>--help</c>. Results and
/// errors go to standard output like Centrifugo's; failures exit with 1.
/// </summary>
public static class CliApp
{
    /// <summary>Runs the command line against the process console.</summary>
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

    /// <summary>Runs the command line; output and errors go to the given writers.</summary>
    /// <param name="args">Arguments without the program name.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error (parse errors of the command line itself).</param>
    /// <param name="cancellationToken">Stops a running server.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = Build(output);
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var invocation = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds the command tree.</summary>
    internal static RootCommand Build(TextWriter output)
    {
        var root = new RootCommand("K8sRelay: a Centrifugo-compatible real-time messaging server. Runs the server unless a command is given.");
        ServeCommand.Configure(root);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(VersionCommand.Create(output));
        root.Subcommands.Add(GenConfigCommand.Create(output));
        root.Subcommands.Add(CheckConfigCommand.Create(output));
        root.Subcommands.Add(DefaultConfigCommand.Create(output));
        root.Subcommands.Add(GenTokenCommand.Create(output, subscription: false));
        root.Subcommands.Add(GenTokenCommand.Create(output, subscription: true));
        root.Subcommands.Add(CheckTokenCommand.Create(output, subscription: false));
        root.Subcommands.Add(CheckTokenCommand.Create(output, subscription: true));
        return root;
    }
}
