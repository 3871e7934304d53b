using System.CommandLine;
using K8sRelay.Core.Node;

namespace K8sRelay.Server.Cli;

/// <summary><c>version</c>: prints <c>K8sRelay v0.1.0 (.NET version: 10.0.x)</c>.</summary>
internal static class VersionCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("version", "Print the version.");
        command.SetAction(_ =>
        {
            output.WriteLine($"K8sRelay v{RelayNode.Version} (.NET version: {Environment.Version})");
            return 0;
        });
        return command;
    }
}
