using System.Diagnostics;
using System.Net.Sockets;

namespace K8sRelay.LoadGenerator;

/// <summary>Opens many idle WebSocket connections (connect + subscribe), holds them, reports progress.</summary>
internal static class IdleClients
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var url = new Uri(args.Get("url", "ws://127.0.0.1:8000/connection/websocket"));
        var count = args.GetInt("connections", 10_000);
        var hold = TimeSpan.FromSeconds(args.GetInt("hold", 30));
        var token = args.Get("token", string.Empty);
        var channel = args.Get("channel", string.Empty);
        var message = url.AbsolutePath.Contains("connection", StringComparison.Ordinal)
            ? BuildConnect(token, channel)
            : null;

        using var stop = new CancellationTokenSource();
        var sockets = new List<Socket>(count);
        var drains = new List<Task>(count);
        var clock = Stopwatch.StartNew();
        var failures = 0;
        using var gate = new SemaphoreSlim(200);
        var opens = Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                var socket = await RawWebSocketClient.ConnectAsync(url, message, stop.Token).ConfigureAwait(false);
                lock (sockets)
                {
                    sockets.Add(socket);
                    drains.Add(RawWebSocketClient.DrainAsync(socket, stop.Token));
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException)
            {
                Interlocked.Increment(ref failures);
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(opens).ConfigureAwait(false);
        Console.WriteLine($"OPEN {sockets.Count} failed={failures} seconds={clock.Elapsed.TotalSeconds:F1}");
        await Task.Delay(hold).ConfigureAwait(false);
        Console.WriteLine($"HELD {sockets.Count}");
        await stop.CancelAsync().ConfigureAwait(false);
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        return failures == 0 ? 0 : 1;
    }

    private static string BuildConnect(string token, string channel)
    {
        var connect = string.IsNullOrEmpty(token) ? "{\"connect\":{},\"id\":1}" : $"{{\"connect\":{{\"token\":\"{token}\"}},\"id\":1}}";
        return string.IsNullOrEmpty(channel) ? connect : connect + $"\n{{\"subscribe\":{{\"channel\":\"{channel}\"}},\"id\":2}}";
    }
}
