using System.Net.Sockets;
using System.Text;

namespace K8sRelay.Engines.Redis.Tests.Infrastructure;

/// <summary>A tiny one-shot RESP2 client for fixture set-up (ping, INFO, CLUSTER, SENTINEL). Not for the engine.</summary>
public static class Resp
{
    /// <summary>Sends one command to 127.0.0.1:<paramref name="port"/> and returns the reply flattened to text (arrays joined by newlines).</summary>
    public static async Task<string> CommandAsync(int port, params string[] arguments)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.ConnectAsync("127.0.0.1", port, timeout.Token);
        var stream = client.GetStream();
        var request = new StringBuilder().Append('*').Append(arguments.Length).Append("\r\n");
        foreach (var argument in arguments)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(argument)).Append("\r\n").Append(argument).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await ReadReplyAsync(reader, timeout.Token);
    }

    /// <summary>True when the server at <paramref name="port"/> answers PING with PONG.</summary>
    public static async Task<bool> PingAsync(int port)
    {
        try
        {
            return await CommandAsync(port, "PING") == "PONG";
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task<string> ReadReplyAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var line = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException("Connection closed.");
        var payload = line[1..];
        switch (line[0])
        {
            case '+':
            case ':':
                return payload;
            case '-':
                throw new InvalidOperationException("Redis error: " + payload);
            case '$':
                var length = int.Parse(payload, System.Globalization.CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return string.Empty;
                }

                var buffer = new char[length + 2];
                var read = 0;
                while (read < buffer.Length)
                {
                    var n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken);
                    if (n == 0)
                    {
                        throw new IOException("Connection closed.");
                    }

                    read += n;
                }

                return new string(buffer, 0, length);
            case '*':
                var count = int.Parse(payload, System.Globalization.CultureInfo.InvariantCulture);
                var items = new List<string>();
                for (var i = 0; i < count; i++)
                {
                    items.Add(await ReadReplyAsync(reader, cancellationToken));
                }

                return string.Join('\n', items);
            default:
                throw new InvalidOperationException("Unexpected reply: " + line);
        }
    }
}
