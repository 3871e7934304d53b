using K8sRelay.Core.Engines;

namespace K8sRelay.Engines.Messages;

/// <summary>
/// Binary layout of publications and client infos as stored in Redis streams, presence hashes and PUB/SUB
/// messages. Layout of a publication: version byte (1), time (varint unix ms), data (bytes), info flag (0/1) and
/// info, tags (varint count + 1, 0 = none) and pairs. The offset is not stored: it is the stream entry id.
/// Only K8sRelay nodes read it; it is not Centrifugo's wire format. Stateless and thread-safe.
/// </summary>
internal static class PublicationCodec
{
    private const byte Version = 1;

    /// <summary>Encodes a publication behind <paramref name="prefix"/> (which is copied first, as is).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> prefix, long time, byte[] data, ClientInfo? info, IReadOnlyDictionary<string, string>? tags)
    {
        var size = prefix.Length + 1 + PayloadWriter.SizeOfVarint((ulong)time) + PayloadWriter.SizeOfVarint((ulong)data.Length) + data.Length + 1;
        if (info is not null)
        {
            size += SizeOfInfo(info);
        }

        size += PayloadWriter.SizeOfVarint(tags is null ? 0UL : (ulong)tags.Count + 1);
        if (tags is not null)
        {
            foreach (var (key, value) in tags)
            {
                size += PayloadWriter.SizeOfString(key) + PayloadWriter.SizeOfString(value);
            }
        }

        var buffer = new byte[size];
        var writer = new PayloadWriter(buffer);
        writer.WriteRaw(prefix);
        writer.WriteByte(Version);
        writer.WriteVarint((ulong)time);
        writer.WriteBytes(data);
        writer.WriteByte(info is null ? (byte)0 : (byte)1);
        if (info is not null)
        {
            WriteInfo(ref writer, info);
        }

        writer.WriteVarint(tags is null ? 0UL : (ulong)tags.Count + 1);
        if (tags is not null)
        {
            foreach (var (key, value) in tags)
            {
                writer.WriteString(key);
                writer.WriteString(value);
            }
        }

        return buffer;
    }

    /// <summary>Decodes a publication and gives it <paramref name="offset"/>.</summary>
    public static Publication Decode(ReadOnlySpan<byte> payload, ulong offset)
    {
        var reader = new PayloadReader(payload);
        return Read(ref reader, offset);
    }

    /// <summary>Reads a publication that fills the rest of <paramref name="reader"/>.</summary>
    public static Publication Read(ref PayloadReader reader, ulong offset)
    {
        if (reader.ReadByte() != Version)
        {
            throw new FormatException("Unknown publication layout version.");
        }

        var time = (long)reader.ReadVarint();
        var data = reader.ReadBytes();
        var info = reader.ReadByte() == 1 ? ReadInfo(ref reader) : null;
        var tagCount = reader.ReadVarint();
        Dictionary<string, string>? tags = null;
        if (tagCount > 0)
        {
            tags = new Dictionary<string, string>((int)Math.Min(tagCount - 1, 1024), StringComparer.Ordinal);
            for (ulong i = 1; i < tagCount; i++)
            {
                var key = reader.ReadString();
                tags[key] = reader.ReadString();
            }
        }

        return new Publication { Offset = offset, Data = data, Info = info, Tags = tags, Time = time };
    }

    /// <summary>Encodes a client info behind an optional one-byte <paramref name="kind"/> marker (0 = none).</summary>
    public static byte[] EncodeInfo(ClientInfo info, byte kind = 0)
    {
        var buffer = new byte[(kind == 0 ? 0 : 1) + SizeOfInfo(info)];
        var writer = new PayloadWriter(buffer);
        if (kind != 0)
        {
            writer.WriteByte(kind);
        }

        WriteInfo(ref writer, info);
        return buffer;
    }

    /// <summary>Decodes a client info written by <see cref="EncodeInfo"/> without a marker.</summary>
    public static ClientInfo DecodeInfo(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        return ReadInfo(ref reader);
    }

    /// <summary>Reads a client info.</summary>
    public static ClientInfo ReadInfo(ref PayloadReader reader)
    {
        var user = reader.ReadString();
        var client = reader.ReadString();
        var connInfo = reader.ReadNullableBytes();
        var chanInfo = reader.ReadNullableBytes();
        return new ClientInfo(user, client, connInfo, chanInfo);
    }

    private static int SizeOfInfo(ClientInfo info) =>
        PayloadWriter.SizeOfString(info.User) + PayloadWriter.SizeOfString(info.Client)
        + PayloadWriter.SizeOfNullableBytes(info.ConnInfo) + PayloadWriter.SizeOfNullableBytes(info.ChanInfo);

    private static void WriteInfo(ref PayloadWriter writer, ClientInfo info)
    {
        writer.WriteString(info.User);
        writer.WriteString(info.Client);
        writer.WriteNullableBytes(info.ConnInfo);
        writer.WriteNullableBytes(info.ChanInfo);
    }
}
