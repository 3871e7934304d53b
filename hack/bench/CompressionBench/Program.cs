// Bytes on the wire and server CPU per delivery with WebSocket compression off and on.
// Starts the server (k8srelay.dll) once per mode, connects CLIENTS WebSocket clients through a
// byte-counting loopback proxy (with compression on they offer permessage-deflate), publishes
// PUBLICATIONS JSON messages through the HTTP API, waits until every client got every one, and
// reports the server-to-client bytes and the server process CPU time of that phase per delivery.
// A micro-measurement adds what compressing one message costs, i.e. what every delivery would
// cost if each connection compressed for itself instead of sharing one prepared frame.
// Usage: CompressionBench <k8srelay.dll> [clients] [publications] [level]
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using CompressionBench;

var serverDll = args[0];
var clients = args.Length > 1 ? int.Parse(args[1]) : 200;
var publications = args.Length > 2 ? int.Parse(args[2]) : 200;
var level = args.Length > 3 ? int.Parse(args[3]) : 1;
var payloads = Enumerable.Range(0, publications).Select(Payloads.Quote).ToList();
var averageMessage = payloads.Average(p => p.Length);

Console.WriteLine($"clients={clients} publications={publications} level={level} payload≈{averageMessage:F0} bytes of JSON data");
Console.WriteLine("mode | wire bytes per delivery | server CPU µs per delivery | deliveries");
foreach (var compression in new[] { false, true })
{
    var (bytes, cpu, deliveries) = await RunAsync(compression);
    Console.WriteLine($"{(compression ? "on" : "off")} | {bytes:F1} | {cpu:F2} | {deliveries}");
}

// Cost of compressing one message at this level: what per-connection compression pays per delivery.
var sample = Encoding.UTF8.GetBytes($"{{\"push\":{{\"channel\":\"bench\",\"pub\":{{\"data\":{payloads[0]}}}}}}}");
var (micros, compressedLength) = MeasureCompression(sample, level);
Console.WriteLine($"compress one message: {micros:F2} µs ({sample.Length} → {compressedLength} bytes)");
return;

async Task<(double BytesPerDelivery, double CpuMicrosPerDelivery, long Deliveries)> RunAsync(bool compression)
{
    var port = FreePort();
    var config = Path.Combine(Path.GetTempPath(), $"compression-bench-{port}.json");
    await File.WriteAllTextAsync(config, $$$"""
        {"http_server":{"address":"127.0.0.1","port":{{{port}}}},"http_api":{"key":"bench-key"},"log":{"level":"error"},
         "client":{"insecure":true,"queue_max_size":104857600},
         "websocket":{"compression":{{{(compression ? "true" : "false")}}},"compression_level":{{{level}}},"compression_min_size":0}}
        """);
    using var server = Process.Start(new ProcessStartInfo("dotnet") { ArgumentList = { serverDll, "-c", config }, RedirectStandardOutput = true, RedirectStandardError = true })!;
    try
    {
        using var http = new HttpClient();
        await WaitForServerAsync(http, port);
        using var proxy = new CountingProxy(port);
        var received = new long[1];
        var sockets = new List<ClientWebSocket>();
        var readers = new List<Task>();
        for (var i = 0; i < clients; i++)
        {
            var socket = new ClientWebSocket();
            if (compression)
            {
                socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
            }

            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{proxy.Port}/connection/websocket"), CancellationToken.None);
            await socket.SendAsync("{\"id\":1,\"connect\":{}}\n{\"id\":2,\"subscribe\":{\"channel\":\"bench\"}}"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
            sockets.Add(socket);
            readers.Add(ReadAsync(socket, received));
        }

        while (Interlocked.Read(ref received[0]) < clients)
        {
            await Task.Delay(20); // every client has its subscribe reply
        }

        Interlocked.Exchange(ref received[0], 0);
        var bytesBefore = proxy.ServerToClientBytes;
        server.Refresh();
        var cpuBefore = server.TotalProcessorTime;
        foreach (var payload in payloads)
        {
            using var content = new StringContent($"{{\"channel\":\"bench\",\"data\":{payload}}}", Encoding.UTF8, "application/json");
            content.Headers.Add("X-API-Key", "bench-key");
            using var response = await http.PostAsync($"http://127.0.0.1:{port}/api/publish", content);
            response.EnsureSuccessStatusCode();
        }

        var expected = (long)clients * publications;
        var deadline = Stopwatch.StartNew();
        while (Interlocked.Read(ref received[0]) < expected && deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(20);
        }

        server.Refresh();
        var cpu = server.TotalProcessorTime - cpuBefore;
        var bytes = proxy.ServerToClientBytes - bytesBefore;
        var deliveries = Interlocked.Read(ref received[0]);
        foreach (var socket in sockets)
        {
            socket.Abort();
            socket.Dispose();
        }

        return (bytes / (double)deliveries, cpu.TotalMicroseconds / deliveries, deliveries);
    }
    finally
    {
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
        File.Delete(config);
    }
}

static (double Micros, long Length) MeasureCompression(byte[] sample, int level)
{
    const int Rounds = 20000;
    var timer = Stopwatch.StartNew();
    long length = 0;
    for (var i = 0; i < Rounds; i++)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
        {
            deflate.Write(sample);
            deflate.Flush();
        }

        length = output.Length;
    }

    return (timer.Elapsed.TotalMicroseconds / Rounds, length);
}

static async Task ReadAsync(ClientWebSocket socket, long[] received)
{
    var buffer = new byte[1 << 16];
    try
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            // Each message in a frame is one delivery (JSON messages are joined by \n).
            Interlocked.Add(ref received[0], buffer.AsSpan(0, result.Count).Count((byte)'\n') + (result.EndOfMessage ? 1 : 0));
        }
    }
    catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
    {
        // Closed at the end of the run.
    }
}

static async Task WaitForServerAsync(HttpClient http, int port)
{
    for (var i = 0; i < 600; i++)
    {
        try
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{port}/health");
            return;
        }
        catch (HttpRequestException)
        {
            await Task.Delay(100);
        }
    }

    throw new InvalidOperationException("the server did not start");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
