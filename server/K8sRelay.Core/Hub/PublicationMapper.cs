using Google.Protobuf;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Hub;

/// <summary>Converts engine records to protocol messages.</summary>
internal static class PublicationMapper
{
    public static Publication ToMessage(Engines.Publication source)
    {
        var pub = new Publication
        {
            Data = UnsafeByteOperations.UnsafeWrap(source.Data),
            Offset = source.Offset,
        };
        if (source.Info is not null)
        {
            pub.Info = ToMessage(source.Info);
        }

        if (source.Tags is { Count: > 0 } tags)
        {
            foreach (var (key, value) in tags)
            {
                pub.Tags[key] = value;
            }
        }

        if (source.Time != 0)
        {
            pub.Time = source.Time;
        }

        return pub;
    }

    public static ClientInfo ToMessage(Engines.ClientInfo source)
    {
        var info = new ClientInfo { User = source.User, Client = source.Client };
        if (source.ConnInfo is not null)
        {
            info.ConnInfo = UnsafeByteOperations.UnsafeWrap(source.ConnInfo);
        }

        if (source.ChanInfo is not null)
        {
            info.ChanInfo = UnsafeByteOperations.UnsafeWrap(source.ChanInfo);
        }

        return info;
    }
}
