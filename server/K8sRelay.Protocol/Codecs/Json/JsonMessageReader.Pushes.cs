using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Codecs.Json;

/// <content>Server → client: pushes and the publication / client info they carry.</content>
internal ref partial struct JsonMessageReader
{
    /// <summary>Reads a push; the reader must be on its first token.</summary>
    public Push ReadPush()
    {
        ExpectObject("push");
        var push = new Push();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "id": push.Id = ReadInt64(); break;
                case "channel": push.Channel = ReadString(); break;
                case "pub": push.Pub = ReadPublication(); break;
                case "join": push.Join = new Join { Info = ReadClientInfoHolder("join") }; break;
                case "leave": push.Leave = new Leave { Info = ReadClientInfoHolder("leave") }; break;
                case "unsubscribe": push.Unsubscribe = ReadUnsubscribePush(); break;
                case "message": push.Message = new Message { Data = ReadDataOnly("message") }; break;
                case "subscribe": push.Subscribe = ReadSubscribePush(); break;
                case "connect": push.Connect = ReadConnectPush(); break;
                case "disconnect": push.Disconnect = ReadDisconnectPush(); break;
                case "refresh": push.Refresh = ReadRefreshPush(); break;
                default: SkipValue(); break;
            }
        }

        return push;
    }

    private Publication ReadPublication()
    {
        ExpectObject("publication");
        var publication = new Publication();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "data": publication.Data = ReadRaw(); break;
                case "info": publication.Info = ReadClientInfo(); break;
                case "offset": publication.Offset = ReadUInt64(); break;
                case "tags": ReadStringMap(publication.Tags, "tags"); break;
                case "delta": publication.Delta = ReadBoolean(); break;
                case "time": publication.Time = ReadInt64(); break;
                case "channel": publication.Channel = ReadString(); break;
                case "key": publication.Key = ReadString(); break;
                case "removed": publication.Removed = ReadBoolean(); break;
                case "score": publication.Score = ReadInt64(); break;
                case "epoch": publication.Epoch = ReadString(); break;
                case "prev_data": publication.PrevData = ReadRaw(); break;
                case "version": publication.Version = ReadInt64(); break;
                default: SkipValue(); break;
            }
        }

        return publication;
    }

    private ClientInfo ReadClientInfo()
    {
        ExpectObject("client info");
        var info = new ClientInfo();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "user": info.User = ReadString(); break;
                case "client": info.Client = ReadString(); break;
                case "conn_info": info.ConnInfo = ReadRaw(); break;
                case "chan_info": info.ChanInfo = ReadRaw(); break;
                default: SkipValue(); break;
            }
        }

        return info;
    }

    /// <summary>Reads a join or leave push body and returns its <c>info</c> (null when absent).</summary>
    private ClientInfo? ReadClientInfoHolder(string what)
    {
        ExpectObject(what);
        ClientInfo? info = null;
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            if (name[..length] is "info")
            {
                info = ReadClientInfo();
            }
            else
            {
                SkipValue();
            }
        }

        return info;
    }

    private Unsubscribe ReadUnsubscribePush()
    {
        ExpectObject("unsubscribe push");
        var push = new Unsubscribe();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "code": push.Code = ReadUInt32(); break;
                case "reason": push.Reason = ReadString(); break;
                default: SkipValue(); break;
            }
        }

        return push;
    }

    private Subscribe ReadSubscribePush()
    {
        ExpectObject("subscribe push");
        var push = new Subscribe();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "recoverable": push.Recoverable = ReadBoolean(); break;
                case "epoch": push.Epoch = ReadString(); break;
                case "offset": push.Offset = ReadUInt64(); break;
                case "positioned": push.Positioned = ReadBoolean(); break;
                case "data": push.Data = ReadRaw(); break;
                default: SkipValue(); break;
            }
        }

        return push;
    }

    private Connect ReadConnectPush()
    {
        ExpectObject("connect push");
        var push = new Connect();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "client": push.Client = ReadString(); break;
                case "version": push.Version = ReadString(); break;
                case "data": push.Data = ReadRaw(); break;
                case "subs": ReadSubscribeResultMap(push.Subs); break;
                case "expires": push.Expires = ReadBoolean(); break;
                case "ttl": push.Ttl = ReadUInt32(); break;
                case "ping": push.Ping = ReadUInt32(); break;
                case "pong": push.Pong = ReadBoolean(); break;
                case "session": push.Session = ReadString(); break;
                case "node": push.Node = ReadString(); break;
                case "time": push.Time = ReadInt64(); break;
                default: SkipValue(); break;
            }
        }

        return push;
    }

    private Disconnect ReadDisconnectPush()
    {
        ExpectObject("disconnect push");
        var push = new Disconnect();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "code": push.Code = ReadUInt32(); break;
                case "reason": push.Reason = ReadString(); break;
                case "reconnect": push.Reconnect = ReadBoolean(); break;
                default: SkipValue(); break;
            }
        }

        return push;
    }

    private Refresh ReadRefreshPush()
    {
        ExpectObject("refresh push");
        var push = new Refresh();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "expires": push.Expires = ReadBoolean(); break;
                case "ttl": push.Ttl = ReadUInt32(); break;
                default: SkipValue(); break;
            }
        }

        return push;
    }
}
