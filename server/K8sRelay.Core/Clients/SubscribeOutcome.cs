using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Clients;

/// <summary>The result to send for a subscription and how to start it afterwards.</summary>
internal readonly record struct SubscribeOutcome(SubscribeResult Result, PendingLive Live);
