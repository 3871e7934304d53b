namespace K8sRelay.Protocol.Codecs;

/// <summary>Per-connection variations of reply encoding.</summary>
[Flags]
public enum ReplyEncodingFlags
{
    None = 0,

    /// <summary>
    /// JSON only: write <c>Publication.data</c> as a JSON string (Fossil delta negotiated on the subscription).
    /// Protobuf ignores it.
    /// </summary>
    PublicationDataAsJsonString = 1,
}
