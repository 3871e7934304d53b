namespace K8sRelay.Core.Clients;

/// <summary>What the transport knows about the request that opened a connection.</summary>
public sealed record ConnectionRequestInfo
{
    /// <summary>User id taken from the configured <c>client.user_id_http_header</c>, or null.</summary>
    public string? HeaderUserId { get; init; }

    /// <summary>Remote address, for logs.</summary>
    public string? RemoteAddress { get; init; }

    /// <summary>Emulation session id (HTTP-streaming and SSE), or null.</summary>
    public string? Session { get; init; }

    /// <summary>Nothing known.</summary>
    public static ConnectionRequestInfo Empty { get; } = new();
}
