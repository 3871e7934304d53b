using K8sRelay.Core.Engines;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;
using StreamPosition = K8sRelay.Core.Engines.StreamPosition;

namespace K8sRelay.Core.Hub;

/// <summary>
/// One publication on its way to every local subscriber of a channel, encoded at most once per
/// variant (protocol × delta form) no matter how many subscribers receive it. Variants are built
/// lazily on first use. Thread-safe for concurrent readers.
/// </summary>
internal sealed class PreparedPublication
{
    private readonly string _channel;
    private readonly byte[]?[] _variants = new byte[]?[8];
    private byte[]? _deltaPatch;
    private bool _deltaComputed;

    public PreparedPublication(string channel, Engines.Publication publication, StreamPosition position, bool useDelta, Engines.Publication? previous)
    {
        _channel = channel;
        Publication = publication;
        Position = position;
        UseDelta = useDelta;
        Previous = previous;
    }

    public Engines.Publication Publication { get; }

    public StreamPosition Position { get; }

    public bool UseDelta { get; }

    public Engines.Publication? Previous { get; }

    /// <summary>Full payload: the plain encoding for subscribers without delta.</summary>
    public byte[] Plain(ProtocolType protocol) =>
        Get(protocol == ProtocolType.Json ? 0 : 1, protocol, deltaNegotiated: false, asDelta: false);

    /// <summary>Full payload as a bare push (unidirectional transports).</summary>
    public byte[] UniPlain(ProtocolType protocol)
    {
        var index = protocol == ProtocolType.Json ? 6 : 7;
        var cached = Volatile.Read(ref _variants[index]);
        if (cached is not null)
        {
            return cached;
        }

        var push = new Push { Channel = _channel, Pub = PublicationMapper.ToMessage(Publication) };
        var encoded = ClientCodecs.For(protocol).EncodePush(push);
        Volatile.Write(ref _variants[index], encoded);
        return encoded;
    }

    /// <summary>Full payload for a delta subscriber (JSON: data as a string).</summary>
    public byte[] DeltaFull(ProtocolType protocol) =>
        Get(protocol == ProtocolType.Json ? 2 : 3, protocol, deltaNegotiated: true, asDelta: false);

    /// <summary>
    /// Delta against <see cref="Previous"/> for a subscriber whose last received publication is
    /// the previous one; null when no useful delta exists (then send <see cref="DeltaFull"/>).
    /// </summary>
    public byte[]? DeltaPatch(ProtocolType protocol)
    {
        if (!UseDelta || Previous is null || Previous.Offset + 1 != Publication.Offset)
        {
            return null;
        }

        if (!_deltaComputed)
        {
            var patch = FossilDelta.Create(Previous.Data, Publication.Data);
            _deltaPatch = patch.Length < Publication.Data.Length ? patch : null;
            _deltaComputed = true;
        }

        return _deltaPatch is null ? null : Get(protocol == ProtocolType.Json ? 4 : 5, protocol, deltaNegotiated: true, asDelta: true);
    }

    private byte[] Get(int index, ProtocolType protocol, bool deltaNegotiated, bool asDelta)
    {
        var cached = Volatile.Read(ref _variants[index]);
        if (cached is not null)
        {
            return cached;
        }

        var pub = PublicationMapper.ToMessage(Publication);
        if (asDelta)
        {
            pub.Data = Google.Protobuf.ByteString.CopyFrom(_deltaPatch);
            pub.Delta = true;
        }

        var reply = new Reply { Push = new Push { Channel = _channel, Pub = pub } };
        var flags = deltaNegotiated ? ReplyEncodingFlags.PublicationDataAsJsonString : ReplyEncodingFlags.None;
        var encoded = ClientCodecs.For(protocol).EncodeReply(reply, flags);
        Volatile.Write(ref _variants[index], encoded);
        return encoded;
    }
}
