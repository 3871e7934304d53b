using K8sRelay.Core.Node;

namespace K8sRelay.Server.Transports;

/// <summary>
/// Admission of new client connections before any upgrade: refuses with HTTP 503 while the node
/// shuts down or drains, above <c>client.connection_limit</c> connections, or above
/// <c>client.connection_rate_limit</c> new connections per second. Thread-safe.
/// </summary>
public sealed class ConnectionGate
{
    private readonly RelayNode _node;
    private readonly TimeProvider _time;
    private int _open;
    private long _windowSecond;
    private int _windowCount;

    public ConnectionGate(RelayNode node, TimeProvider time)
    {
        _node = node;
        _time = time;
    }

    /// <summary>Connections admitted and not yet released.</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>Admits a connection or answers 503 and returns false. Call <see cref="Release"/> for every admitted one.</summary>
    public bool TryAdmit(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (TryAdmit())
        {
            return true;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return false;
    }

    /// <summary>
    /// Admits a connection, or returns false while the node shuts down or a limit is reached (transports that
    /// are not plain HTTP answer in their own terms). Call <see cref="Release"/> for every admitted one.
    /// </summary>
    public bool TryAdmit()
    {
        var settings = _node.Config.Client;
        if (_node.IsShuttingDown)
        {
            return false;
        }

        if (settings.ConnectionRateLimit > 0 && !TakeRateToken(settings.ConnectionRateLimit))
        {
            return false;
        }

        var open = Interlocked.Increment(ref _open);
        if (settings.ConnectionLimit > 0 && open > settings.ConnectionLimit)
        {
            Interlocked.Decrement(ref _open);
            return false;
        }

        return true;
    }

    /// <summary>Releases an admitted connection.</summary>
    public void Release() => Interlocked.Decrement(ref _open);

    private bool TakeRateToken(int perSecond)
    {
        var second = _time.GetUtcNow().ToUnixTimeSeconds();
        lock (this)
        {
            if (second != _windowSecond)
            {
                _windowSecond = second;
                _windowCount = 0;
            }

            return ++_windowCount <= perSecond;
        }
    }
}
