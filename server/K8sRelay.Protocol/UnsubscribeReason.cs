namespace K8sRelay.Protocol;

/// <summary>Codes of the <c>unsubscribe</c> push: below 2500 the client stays unsubscribed, from 2500 it resubscribes.</summary>
/// <param name="Code">Unsubscribe code.</param>
/// <param name="Reason">Plain-text reason.</param>
public sealed record UnsubscribeReason(uint Code, string Reason)
{
    public static readonly UnsubscribeReason Server = new(2000, "server unsubscribe");
    public static readonly UnsubscribeReason InsufficientState = new(2500, "insufficient state");
    public static readonly UnsubscribeReason Expired = new(2501, "subscription expired");
    public static readonly UnsubscribeReason StateInvalidated = new(2502, "state invalidated");
}
