using System.Text;
using K8sRelay.Core.Engines;

namespace K8sRelay.Engines.Messages;

/// <summary>
/// The messages carried on a channel's PUB/SUB channel. The files of this folder are compiled into both the Redis
/// and the NATS engine (linked sources) so that neither depends on the other's client library. Layouts (ASCII
/// header, binary body):
/// <list type="bullet">
/// <item><c>p</c> delta-flag(<c>0</c>/<c>1</c>) offset <c>:</c> epoch <c>:</c> previous-offset <c>:</c> previous-length <c>:</c> previous-publication publication
/// (offset 0 and an empty epoch without history; the Lua history script writes this header itself).</item>
/// <item><c>j</c> client-info (join) and <c>l</c> client-info (leave).</item>
/// </list>
/// </summary>
internal readonly record struct BrokerMessage
{
    private static readonly byte[] NoHistoryHeader = Encoding.ASCII.GetBytes("p00::0:0:");
    private static readonly byte[] NoHistoryDeltaHeader = Encoding.ASCII.GetBytes("p10::0:0:");

    /// <summary>Message kind: <c>p</c>, <c>j</c> or <c>l</c>.</summary>
    public char Kind { get; init; }

    /// <summary>The publication (kind <c>p</c>).</summary>
    public Publication? Publication { get; init; }

    /// <summary>Stream position after the publication (kind <c>p</c>).</summary>
    public StreamPosition Position { get; init; }

    /// <summary>The publisher asked for delta compression (kind <c>p</c>).</summary>
    public bool UseDelta { get; init; }

    /// <summary>The previous publication for delta, when known (kind <c>p</c>).</summary>
    public Publication? Previous { get; init; }

    /// <summary>Who joined or left (kinds <c>j</c> and <c>l</c>).</summary>
    public ClientInfo? Info { get; init; }

    /// <summary>Encodes a publication made without history.</summary>
    public static byte[] EncodePublication(byte[] data, PublishOptions options, long time) =>
        PublicationCodec.Encode(options.UseDelta ? NoHistoryDeltaHeader : NoHistoryHeader, time, data, options.ClientInfo, options.Tags);

    /// <summary>Encodes a join (<paramref name="join"/> true) or leave message.</summary>
    public static byte[] EncodePresence(ClientInfo info, bool join) => PublicationCodec.EncodeInfo(info, join ? (byte)'j' : (byte)'l');

    /// <summary>Parses a message. Throws <see cref="FormatException"/> for malformed input.</summary>
    public static BrokerMessage Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        var kind = (char)reader.ReadByte();
        switch (kind)
        {
            case 'p':
                var useDelta = reader.ReadByte() == (byte)'1';
                var offset = reader.ReadDecimalUntil((byte)':');
                var epoch = reader.ReadAsciiUntil((byte)':');
                var previousOffset = reader.ReadDecimalUntil((byte)':');
                var previousLength = checked((int)reader.ReadDecimalUntil((byte)':'));
                Publication? previous = null;
                if (previousLength > 0)
                {
                    previous = PublicationCodec.Decode(reader.ReadSpan(previousLength), previousOffset);
                }

                var publication = PublicationCodec.Read(ref reader, offset);
                return new BrokerMessage
                {
                    Kind = kind,
                    Publication = publication,
                    Position = new StreamPosition(offset, epoch),
                    UseDelta = useDelta,
                    Previous = useDelta ? previous : null,
                };
            case 'j':
            case 'l':
                return new BrokerMessage { Kind = kind, Info = PublicationCodec.ReadInfo(ref reader) };
            default:
                throw new FormatException($"Unknown broker message kind '{kind}'.");
        }
    }
}
