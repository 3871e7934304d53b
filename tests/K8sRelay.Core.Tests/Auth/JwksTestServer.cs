using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace K8sRelay.Core.Tests.Auth;

/// <summary>
/// A real HTTP server on a free loopback port that serves JSON Web Key Sets by path, and can be made slow,
/// failing or silent, while counting requests per path.
/// </summary>
internal sealed class JwksTestServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, string> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly Task _loop;

    private JwksTestServer(HttpListener listener, int port)
    {
        _listener = listener;
        BaseUrl = $"http://127.0.0.1:{port}";
        _loop = AcceptLoopAsync();
    }

    public string BaseUrl { get; }

    /// <summary>Delay before each answer.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Status of every answer; anything but 200 is sent without a body.</summary>
    public int StatusCode { get; set; } = 200;

    public static JwksTestServer Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new JwksTestServer(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>A loopback URL on which nothing listens.</summary>
    public static string UnusedUrl() => $"http://127.0.0.1:{FreePort()}/jwks.json";

    public void Serve(string path, params string[] jwks) =>
        _documents[path] = "{\"keys\":[" + string.Join(',', jwks) + "]}";

    public void ServeRaw(string path, string body) => _documents[path] = body;

    public int Requests(string path) => _requests.GetValueOrDefault(path);

    public static string RsaJwk(RSA rsa, string kid, string? alg = null)
    {
        var p = rsa.ExportParameters(false);
        var algMember = alg is null ? string.Empty : $",\"alg\":\"{alg}\"";
        return $"{{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"{kid}\"{algMember},\"n\":\"{B64(p.Modulus!)}\",\"e\":\"{B64(p.Exponent!)}\"}}";
    }

    public static string EcJwk(ECDsa ecdsa, string kid)
    {
        var p = ecdsa.ExportParameters(false);
        var crv = ecdsa.KeySize switch { 256 => "P-256", 384 => "P-384", _ => "P-521" };
        return $"{{\"kty\":\"EC\",\"kid\":\"{kid}\",\"crv\":\"{crv}\",\"x\":\"{B64(p.Q.X!)}\",\"y\":\"{B64(p.Q.Y!)}\"}}";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Closing the listener ends the accept loop with one of these.
        }

        _stop.Dispose();
    }

    private static string B64(byte[] bytes) => Base64UrlEncoder.Encode(bytes);

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var context = await _listener.GetContextAsync();
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        _requests.AddOrUpdate(path, 1, (_, count) => count + 1);
        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, _stop.Token);
            }

            if (StatusCode != 200 || !_documents.TryGetValue(path, out var body))
            {
                context.Response.StatusCode = StatusCode != 200 ? StatusCode : 404;
                context.Response.Close();
                return;
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes, _stop.Token);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            context.Response.Abort();
        }
    }
}
