using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Codecs.Json;

/// <content>Client → server: the command envelope and every request.</content>
internal ref partial struct JsonMessageReader
{
    /// <summary>Reads a command; the reader must be on its first token.</summary>
    public Command ReadCommand()
    {
        ExpectObject("command");
        var command = new Command();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "id": command.Id = ReadUInt32(); break;
                case "connect": command.Connect = ReadConnectRequest(); break;
                case "subscribe": command.Subscribe = ReadSubscribeRequest(); break;
                case "unsubscribe": command.Unsubscribe = new UnsubscribeRequest { Channel = ReadChannelRequest("unsubscribe") }; break;
                case "publish": command.Publish = ReadPublishRequest(); break;
                case "presence": command.Presence = new PresenceRequest { Channel = ReadChannelRequest("presence") }; break;
                case "presence_stats": command.PresenceStats = new PresenceStatsRequest { Channel = ReadChannelRequest("presence_stats") }; break;
                case "history": command.History = ReadHistoryRequest(); break;
                case "ping": ReadEmptyMessage("ping"); command.Ping = new PingRequest(); break;
                case "send": command.Send = new SendRequest { Data = ReadDataOnly("send") }; break;
                case "rpc": command.Rpc = ReadRpcRequest(); break;
                case "refresh": command.Refresh = ReadRefreshRequest(); break;
                case "sub_refresh": command.SubRefresh = ReadSubRefreshRequest(); break;
                default: SkipValue(); break;
            }
        }

        return command;
    }

    /// <summary>Reads a connect request; the reader must be on its first token.</summary>
    public ConnectRequest ReadConnectRequest()
    {
        ExpectObject("connect request");
        var request = new ConnectRequest();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "token": request.Token = ReadString(); break;
                case "data": request.Data = ReadRaw(); break;
                case "subs":
                    ExpectObject("subs");
                    while (NextMapEntry(out var channel))
                    {
                        request.Subs[channel] = ReadSubscribeRequest();
                    }

                    break;
                case "name": request.Name = ReadString(); break;
                case "version": request.Version = ReadString(); break;
                case "headers": ReadStringMap(request.Headers, "headers"); break;
                case "flag": request.Flag = ReadInt64(); break;
                case "dict": request.Dict = ReadString(); break;
                case "profile": request.Profile = ReadString(); break;
                default: SkipValue(); break;
            }
        }

        return request;
    }

    private SubscribeRequest ReadSubscribeRequest()
    {
        ExpectObject("subscribe request");
        var request = new SubscribeRequest();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "channel": request.Channel = ReadString(); break;
                case "token": request.Token = ReadString(); break;
                case "recover": request.Recover = ReadBoolean(); break;
                case "epoch": request.Epoch = ReadString(); break;
                case "offset": request.Offset = ReadUInt64(); break;
                case "data": request.Data = ReadRaw(); break;
                case "positioned": request.Positioned = ReadBoolean(); break;
                case "recoverable": request.Recoverable = ReadBoolean(); break;
                case "join_leave": request.JoinLeave = ReadBoolean(); break;
                case "delta": request.Delta = ReadString(); break;
                case "tf": request.Tf = ReadFilterNode(); break;
                case "flag": request.Flag = ReadInt64(); break;
                case "type": request.Type = ReadInt32(); break;
                case "phase": request.Phase = ReadInt32(); break;
                case "cursor": request.Cursor = ReadString(); break;
                case "limit": request.Limit = ReadInt64(); break;
                case "asc": request.Asc = ReadBoolean(); break;
                default: SkipValue(); break;
            }
        }

        return request;
    }

    private FilterNode ReadFilterNode()
    {
        ExpectObject("filter node");
        var node = new FilterNode();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "op": node.Op = ReadString(); break;
                case "key": node.Key = ReadString(); break;
                case "cmp": node.Cmp = ReadString(); break;
                case "val": node.Val = ReadString(); break;
                case "vals": ReadStringArray(node.Vals, "vals"); break;
                case "nodes":
                    ExpectArray("nodes");
                    while (NextArrayItem())
                    {
                        node.Nodes.Add(ReadFilterNode());
                    }

                    break;
                default: SkipValue(); break;
            }
        }

        return node;
    }

    private PublishRequest ReadPublishRequest()
    {
        ExpectObject("publish request");
        var request = new PublishRequest();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "channel": request.Channel = ReadString(); break;
                case "data": request.Data = ReadRaw(); break;
                default: SkipValue(); break;
            }
        }

        return request;
    }

    private HistoryRequest ReadHistoryRequest()
    {
        ExpectObject("history request");
        var request = new HistoryRequest();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "channel": request.Channel = ReadString(); break;
                case "limit": request.Limit = ReadInt32(); break;
                case "since": request.Since = ReadStreamPosition(); break;
                case "reverse": request.Reverse = ReadBoolean(); break;
                default: SkipValue(); break;
            }
        }

        return request;
    }

    private StreamPosition ReadStreamPosition()
    {
        ExpectObject("stream position");
        var position = new StreamPosition();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "offset": position.Offset = ReadUInt64(); break;
                case "epoch": position.Epoch = ReadString(); break;
                default: SkipValue(); break;
            }
        }

        return position;
    }

    private RPCRequest ReadRpcRequest()
    {
        ExpectObject("rpc request");
        var request = new RPCRequest();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "data": request.Data = ReadRaw(); break;
                case "method": request.Method = ReadString(); break;
                default: SkipValue(); break;
            }
        }

        return request;
    }

    private RefreshRequest ReadRefreshRequest()
    {
        ExpectObject("refresh request");
        var request = new RefreshRequest();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            if (name[..length] is "token")
            {
                request.Token = ReadString();
            }
            else
            {
                SkipValue();
            }
        }

        return request;
    }

    private SubRefreshRequest ReadSubRefreshRequest()
    {
        ExpectObject("sub_refresh request");
        var request = new SubRefreshRequest();
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            switch (name[..length])
            {
                case "channel": request.Channel = ReadString(); break;
                case "token": request.Token = ReadString(); break;
                default: SkipValue(); break;
            }
        }

        return request;
    }

    /// <summary>Reads an object of which only <c>channel</c> matters and returns that channel.</summary>
    private string ReadChannelRequest(string what)
    {
        ExpectObject(what);
        var channel = string.Empty;
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out var length))
        {
            if (name[..length] is "channel")
            {
                channel = ReadString();
            }
            else
            {
                SkipValue();
            }
        }

        return channel;
    }
}
