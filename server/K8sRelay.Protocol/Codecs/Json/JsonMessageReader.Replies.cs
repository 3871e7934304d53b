using Google.Protobuf;
using Google.Protobuf.Collections;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Codecs.Json;

/// <content>Server → client: the reply envelope and every result (used by client-side tooling and tests).</content>
internal ref partial struct JsonMessageReader
{
    /// <summary>Reads a reply; the reader must be on its first token.</summary>
    public Reply ReadReply()
    {
        ExpectObject("reply");
        var reply = new Reply();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "id": reply.Id = ReadUInt32(); break;
                case "error": reply.Error = ReadError(); break;
                case "push": reply.Push = ReadPush(); break;
                case "connect": reply.Connect = ReadConnectResult(); break;
                case "subscribe": reply.Subscribe = ReadSubscribeResult(); break;
                case "unsubscribe": ReadEmptyMessage("unsubscribe"); reply.Unsubscribe = new UnsubscribeResult(); break;
                case "publish": ReadEmptyMessage("publish"); reply.Publish = new PublishResult(); break;
                case "presence": reply.Presence = ReadPresenceResult(); break;
                case "presence_stats": reply.PresenceStats = ReadPresenceStatsResult(); break;
                case "history": reply.History = ReadHistoryResult(); break;
                case "ping": ReadEmptyMessage("ping"); reply.Ping = new PingResult(); break;
                case "rpc": reply.Rpc = new RPCResult { Data = ReadDataOnly("rpc") }; break;
                case "refresh": reply.Refresh = ReadRefreshResult(); break;
                case "sub_refresh": reply.SubRefresh = ReadSubRefreshResult(); break;
                default: SkipValue(); break;
            }
        }

        return reply;
    }

    private Error ReadError()
    {
        ExpectObject("error");
        var error = new Error();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "code": error.Code = ReadUInt32(); break;
                case "message": error.Message = ReadString(); break;
                case "temporary": error.Temporary = ReadBoolean(); break;
                default: SkipValue(); break;
            }
        }

        return error;
    }

    private ConnectResult ReadConnectResult()
    {
        ExpectObject("connect result");
        var result = new ConnectResult();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "client": result.Client = ReadString(); break;
                case "version": result.Version = ReadString(); break;
                case "expires": result.Expires = ReadBoolean(); break;
                case "ttl": result.Ttl = ReadUInt32(); break;
                case "data": result.Data = ReadRaw(); break;
                case "subs": ReadSubscribeResultMap(result.Subs); break;
                case "ping": result.Ping = ReadUInt32(); break;
                case "pong": result.Pong = ReadBoolean(); break;
                case "session": result.Session = ReadString(); break;
                case "node": result.Node = ReadString(); break;
                case "time": result.Time = ReadInt64(); break;
                case "flag": result.Flag = ReadInt64(); break;
                default: SkipValue(); break;
            }
        }

        return result;
    }

    private void ReadSubscribeResultMap(MapField<string, SubscribeResult> subs)
    {
        ExpectObject("subs");
        while (NextMapEntry(out var channel))
        {
            subs[channel] = ReadSubscribeResult();
        }
    }

    private SubscribeResult ReadSubscribeResult()
    {
        ExpectObject("subscribe result");
        var result = new SubscribeResult();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "expires": result.Expires = ReadBoolean(); break;
                case "ttl": result.Ttl = ReadUInt32(); break;
                case "recoverable": result.Recoverable = ReadBoolean(); break;
                case "epoch": result.Epoch = ReadString(); break;
                case "publications": ReadPublications(result.Publications); break;
                case "recovered": result.Recovered = ReadBoolean(); break;
                case "offset": result.Offset = ReadUInt64(); break;
                case "positioned": result.Positioned = ReadBoolean(); break;
                case "data": result.Data = ReadRaw(); break;
                case "was_recovering": result.WasRecovering = ReadBoolean(); break;
                case "delta": result.Delta = ReadBoolean(); break;
                case "id": result.Id = ReadInt64(); break;
                default: SkipValue(); break;
            }
        }

        return result;
    }

    private void ReadPublications(RepeatedField<Publication> publications)
    {
        ExpectArray("publications");
        while (NextArrayItem())
        {
            publications.Add(ReadPublication());
        }
    }

    private PresenceResult ReadPresenceResult()
    {
        ExpectObject("presence result");
        var result = new PresenceResult();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            if (name[..length] is "presence")
            {
                ExpectObject("presence");
                while (NextMapEntry(out var client))
                {
                    result.Presence[client] = ReadClientInfo();
                }
            }
            else
            {
                SkipValue();
            }
        }

        return result;
    }

    private PresenceStatsResult ReadPresenceStatsResult()
    {
        ExpectObject("presence_stats result");
        var result = new PresenceStatsResult();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "num_clients": result.NumClients = ReadUInt32(); break;
                case "num_users": result.NumUsers = ReadUInt32(); break;
                default: SkipValue(); break;
            }
        }

        return result;
    }

    private HistoryResult ReadHistoryResult()
    {
        ExpectObject("history result");
        var result = new HistoryResult();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "publications": ReadPublications(result.Publications); break;
                case "epoch": result.Epoch = ReadString(); break;
                case "offset": result.Offset = ReadUInt64(); break;
                default: SkipValue(); break;
            }
        }

        return result;
    }

    private RefreshResult ReadRefreshResult()
    {
        ExpectObject("refresh result");
        var result = new RefreshResult();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "client": result.Client = ReadString(); break;
                case "version": result.Version = ReadString(); break;
                case "expires": result.Expires = ReadBoolean(); break;
                case "ttl": result.Ttl = ReadUInt32(); break;
                default: SkipValue(); break;
            }
        }

        return result;
    }

    private SubRefreshResult ReadSubRefreshResult()
    {
        ExpectObject("sub_refresh result");
        var result = new SubRefreshResult();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "expires": result.Expires = ReadBoolean(); break;
                case "ttl": result.Ttl = ReadUInt32(); break;
                default: SkipValue(); break;
            }
        }

        return result;
    }

    /// <summary>Reads an object of which only the raw <c>data</c> matters and returns that data.</summary>
    private ByteString ReadDataOnly(string what)
    {
        ExpectObject(what);
        var data = ByteString.Empty;
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            if (name[..length] is "data")
            {
                data = ReadRaw();
            }
            else
            {
                SkipValue();
            }
        }

        return data;
    }
}
