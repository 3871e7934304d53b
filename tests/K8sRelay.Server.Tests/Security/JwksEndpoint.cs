using System.Net;
using System.Security.Cryptography;
using System.Text;
using K8sRelay.Server.Tests.Fixtures;
using Microsoft.IdentityModel.Tokens;
using Org.BouncyCastle.Crypto.Parameters;

namespace K8sRelay.Server.Tests.Security;

/// <summary>
/// A JSON Web Key Set served by a real HTTP listener on a free loopback port. The keys can be replaced while
/// the test runs (rotation), and the endpoint can be made to fail or to answer late.
/// </summary>
internal sealed class JwksEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile string _document = """{"keys":[]}""";
    private int _requests;

    private JwksEndpoint(HttpListener listener, string url)
    {
        _listener = listener;
        Url = url;
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The key set URL.</summary>
    public string Url { get; }

    /// <summary>Delay before every answer (a slow endpoint).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Status of every answer; anything but 200 is sent without a body.</summary>
    public int StatusCode { get; set; } = 200;

    /// <summary>Requests received so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static JwksEndpoint Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var prefix = $"http://127.0.0.1:{RelayTestServer.FreePort()}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return new JwksEndpoint(listener, prefix + "jwks.json");
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>A loopback key set URL on which nothing listens.</summary>
    public static string UnusedUrl() => $"http://127.0.0.1:{RelayTestServer.FreePort()}/jwks.json";

    /// <summary>Serves exactly these JWKs from now on.</summary>
    public void Serve(params string[] jwks) => _document = "{\"keys\":[" + string.Join(',', jwks) + "]}";

    public static string RsaJwk(RSA rsa, string kid)
    {
        var p = rsa.ExportParameters(false);
        return $$"""{"kty":"RSA","use":"sig","kid":"{{kid}}","n":"{{B64(p.Modulus!)}}","e":"{{B64(p.Exponent!)}}"}""";
    }

    public static string EcJwk(ECDsa ecdsa, string kid)
    {
        var p = ecdsa.ExportParameters(false);
        return $$"""{"kty":"EC","use":"sig","kid":"{{kid}}","crv":"P-256","x":"{{B64(p.Q.X!)}}","y":"{{B64(p.Q.Y!)}}"}""";
    }

    public static string Ed25519Jwk(Ed25519PrivateKeyParameters key, string kid) =>
        $$"""{"kty":"OKP","use":"sig","alg":"EdDSA","kid":"{{kid}}","crv":"Ed25519","x":"{{B64(key.GeneratePublicKey().GetEncoded())}}"}""";

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
        Interlocked.Increment(ref _requests);
        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, _stop.Token);
            }

            if (StatusCode != 200)
            {
                context.Response.StatusCode = StatusCode;
                context.Response.Close();
                return;
            }

            var body = Encoding.UTF8.GetBytes(_document);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body, _stop.Token);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            context.Response.Abort();
        }
    }
}
