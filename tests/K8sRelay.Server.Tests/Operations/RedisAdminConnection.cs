using System.Net.Sockets;
using System.Text;

namespace K8sRelay.Server.Tests.Operations;

/// <summary>One open connection to a test redis-server for inline commands with one-line replies.</summary>
internal sealed class RedisAdminConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;

    public RedisAdminConnection(TcpClient tcp) => _tcp = tcp;

    /// <summary>Sends the commands in order and returns their replies joined by newlines.</summary>
    public async Task<string> CommandAsync(params string[] inlineCommands)
    {
        var stream = _tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(string.Concat(inlineCommands.Select(c => c + "\r\n"))), TestContext.Current.CancellationToken);
        var replies = new StringBuilder();
        var buffer = new byte[256];
        while (replies.ToString().Count(c => c == '\n') < inlineCommands.Length)
        {
            var read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken);
            if (read == 0)
            {
                break;
            }

            replies.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return replies.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
