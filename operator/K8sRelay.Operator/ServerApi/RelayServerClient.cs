using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace K8sRelay.Operator.ServerApi;

/// <summary>
/// Calls the server's HTTP API with its API key: <c>POST /api/info</c> for per-node connection counts and
/// <c>POST /api/drain</c> to start a paced drain of one node's connections.
/// </summary>
public sealed class RelayServerClient(HttpClient http)
{
    /// <summary>Every node of the cluster as reported by the node behind <paramref name="baseAddress"/>.</summary>
    public async Task<IReadOnlyList<ServerNodeInfo>> InfoAsync(Uri baseAddress, string apiKey, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(new Uri(baseAddress, "api/info"), apiKey, cancellationToken).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!document.RootElement.TryGetProperty("result", out var result) || !result.TryGetProperty("nodes", out var nodes))
        {
            return [];
        }

        return [.. nodes.EnumerateArray().Select(n => new ServerNodeInfo(
            n.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "",
            Number(n, "num_clients"), Number(n, "num_users"), Number(n, "num_subs")))];
    }

    /// <summary>Asks the node behind <paramref name="podAddress"/> to drain its connections.</summary>
    public async Task DrainAsync(Uri podAddress, string apiKey, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(new Uri(podAddress, "api/drain"), apiKey, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> PostAsync(Uri uri, string apiKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-API-Key", apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            response.EnsureSuccessStatusCode();
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static long Number(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}
