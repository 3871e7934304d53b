namespace K8sRelay.Protocol.Codecs;

/// <summary>The shared, thread-safe codec instances of the client protocol.</summary>
public static class ClientCodecs
{
    /// <summary>The JSON codec (newline-separated messages, raw embedded JSON payloads).</summary>
    public static JsonClientCodec Json { get; } = new();

    /// <summary>The Protobuf codec (varint length-delimited messages).</summary>
    public static ProtobufClientCodec Protobuf { get; } = new();

    /// <summary>The codec speaking <paramref name="protocol"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="ProtocolType"/>.</exception>
    public static IClientCodec For(ProtocolType protocol) => protocol switch
    {
        ProtocolType.Json => Json,
        ProtocolType.Protobuf => Protobuf,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "unknown protocol type"),
    };

    /// <summary>The client-side half of the codec speaking <paramref name="protocol"/> (tests and tools).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="ProtocolType"/>.</exception>
    public static IClientSideCodec ClientSideFor(ProtocolType protocol) => protocol switch
    {
        ProtocolType.Json => Json,
        ProtocolType.Protobuf => Protobuf,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "unknown protocol type"),
    };
}
