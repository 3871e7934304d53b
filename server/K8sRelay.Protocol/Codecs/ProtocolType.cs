namespace K8sRelay.Protocol.Codecs;

/// <summary>The two encodings of the client protocol.</summary>
public enum ProtocolType
{
    /// <summary>JSON: newline-separated messages, <c>bytes</c> fields are raw embedded JSON.</summary>
    Json,

    /// <summary>Protobuf: varint length-delimited messages.</summary>
    Protobuf,
}
