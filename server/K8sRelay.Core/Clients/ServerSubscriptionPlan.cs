using K8sRelay.Core.Channels;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Clients;

/// <summary>A server-side subscription to make while connecting.</summary>
internal sealed record ServerSubscriptionPlan(
    string Channel,
    ChannelNamespace Namespace,
    SubscribeRequest Request,
    SubscriptionFlags Flags,
    byte[]? ChanInfo,
    byte[]? Data,
    long ExpireAt);
