using K8sRelay.Protocol;
using StackExchange.Redis;

namespace K8sRelay.Engines.Redis;

/// <summary>Turns Redis client failures into the temporary internal error callers answer clients with.</summary>
internal static class RedisFailure
{
    /// <summary>True for failures that mean "Redis is unreachable or slow", which callers may retry.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is RedisException or TimeoutException or ObjectDisposedException;

    /// <summary>Wraps <paramref name="exception"/> in a <see cref="ProtocolErrorException"/> carrying <see cref="ProtocolError.Internal"/>.</summary>
    public static ProtocolErrorException Wrap(Exception exception) =>
        new("Redis unavailable: " + exception.Message, exception);
}
