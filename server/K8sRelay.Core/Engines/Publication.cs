namespace K8sRelay.Core.Engines;

/// <summary>A message published into a channel, as kept in history and delivered to subscribers.</summary>
public sealed record Publication
{
    /// <summary>Offset in the channel's stream; 0 when the channel has no history.</summary>
    public ulong Offset { get; init; }

    /// <summary>Payload bytes (JSON text for JSON payloads).</summary>
    public required byte[] Data { get; init; }

    /// <summary>Publisher, set for client-side publications.</summary>
    public ClientInfo? Info { get; init; }

    /// <summary>Optional tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Unix milliseconds when published; 0 when not recorded.</summary>
    public long Time { get; init; }
}
