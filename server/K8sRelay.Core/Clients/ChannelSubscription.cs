using K8sRelay.Core.Diagnostics;
using K8sRelay.Core.Engines;
using K8sRelay.Core.Hub;

namespace K8sRelay.Core.Clients;

/// <summary>
/// One connection's subscription to one channel. Tracks the stream position the client holds, so
/// a gap or an epoch change is detected (insufficient state), holds back live publications while a
/// recovering subscribe is being answered, and picks the delta or full encoding per publication.
/// </summary>
internal sealed class ChannelSubscription : ISubscriber
{
    private readonly object _gate = new();
    private List<PreparedPublication>? _pending = [];
    private bool _deltaBaseReady;

    public ChannelSubscription(ClientConnection client, string channel, SubscriptionFlags flags)
    {
        Client = client;
        Channel = channel;
        Flags = flags;
    }

    public ClientConnection Client { get; }

    public string Channel { get; }

    public SubscriptionFlags Flags { get; }

    /// <inheritdoc />
    public string ClientId => Client.ClientId;

    /// <summary>Stream offset the client holds (positioned subscriptions).</summary>
    public ulong Offset { get; private set; }

    /// <summary>Stream epoch the client holds (positioned subscriptions).</summary>
    public string Epoch { get; private set; } = string.Empty;

    /// <summary>Unix seconds when the subscription expires; 0 = never.</summary>
    public long ExpireAt { get; set; }

    /// <summary>Channel info for presence and join/leave.</summary>
    public byte[]? ChanInfo { get; init; }

    /// <summary>True once the subscribe reply was written and live delivery started.</summary>
    public bool IsLive { get; private set; }

    /// <summary>True when the client tracks its stream position (positioned or recoverable subscription).</summary>
    public bool IsPositioned => (Flags & SubscriptionFlags.Positioned) != 0;

    private bool Positioned => IsPositioned;

    /// <summary>
    /// True when the stream's current top <paramref name="top"/> is past what this live subscription holds,
    /// or in another epoch, or unknown (null): the client may have missed publications.
    /// </summary>
    public bool IsBehind(StreamPosition? top)
    {
        lock (_gate)
        {
            if (!IsLive)
            {
                return false;
            }

            return top is not { } position
                || (Epoch.Length > 0 && position.Epoch != Epoch)
                || position.Offset > Offset;
        }
    }

    /// <summary>
    /// Starts live delivery after the subscribe reply was queued: sets the client's position and
    /// flushes publications that arrived meanwhile (skipping those the reply already contained).
    /// </summary>
    /// <param name="offset">Offset the client now holds (after recovered publications).</param>
    /// <param name="epoch">Current stream epoch.</param>
    /// <param name="deltaBaseReady">True when the client already has a base for deltas (recovered publications).</param>
    public void GoLive(ulong offset, string epoch, bool deltaBaseReady)
    {
        lock (_gate)
        {
            Offset = offset;
            Epoch = epoch;
            _deltaBaseReady = deltaBaseReady;
            var pending = _pending;
            _pending = null;
            IsLive = true;
            if (pending is null)
            {
                return;
            }

            foreach (var publication in pending)
            {
                if (!WriteLocked(publication))
                {
                    return;
                }
            }
        }
    }

    /// <inheritdoc />
    public void DeliverPublication(PreparedPublication publication)
    {
        lock (_gate)
        {
            if (_pending is not null)
            {
                _pending.Add(publication);
                return;
            }

            WriteLocked(publication);
        }
    }

    /// <inheritdoc />
    public void DeliverJoinLeave(PreparedJoinLeave joinLeave)
    {
        if ((Flags & SubscriptionFlags.PushJoinLeave) == 0 || !IsLive)
        {
            return;
        }

        Client.EnqueueJoinLeave(joinLeave);
    }

    private bool WriteLocked(PreparedPublication publication)
    {
        if (Positioned && publication.Position.Epoch.Length > 0)
        {
            var pubOffset = publication.Publication.Offset;
            if (publication.Position.Epoch != Epoch && Epoch.Length > 0)
            {
                Client.OnInsufficientState(this);
                return false;
            }

            if (pubOffset <= Offset)
            {
                return true; // already delivered (recovered or duplicate)
            }

            if (pubOffset > Offset + 1)
            {
                Client.OnInsufficientState(this);
                return false;
            }

            Offset = pubOffset;
        }

        byte[] encoded;
        var protocol = Client.Protocol;
        if ((Flags & SubscriptionFlags.Delta) != 0)
        {
            var patch = _deltaBaseReady ? publication.DeltaPatch(protocol) : null;
            encoded = patch ?? publication.DeltaFull(protocol);
            _deltaBaseReady = true;
        }
        else
        {
            encoded = Client.Unidirectional ? publication.UniPlain(protocol) : publication.Plain(protocol);
        }

        Client.EnqueueMessage(encoded, FrameType.PushPublication);
        return true;
    }
}
