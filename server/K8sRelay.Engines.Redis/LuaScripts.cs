namespace K8sRelay.Engines.Redis;

/// <summary>The engine's Lua scripts, loaded once from embedded resources.</summary>
internal static class LuaScripts
{
    /// <summary>Adds to history and publishes (<c>publish_history.lua</c>).</summary>
    public static RedisScript PublishHistory { get; } = RedisScript.Load("publish_history");

    /// <summary>Publishes without history unless an idempotency key was seen (<c>publish_idempotent.lua</c>).</summary>
    public static RedisScript PublishIdempotent { get; } = RedisScript.Load("publish_idempotent");

    /// <summary>Publishes many messages without history in one call (<c>publish_batch.lua</c>).</summary>
    public static RedisScript PublishBatch { get; } = RedisScript.Load("publish_batch");

    /// <summary>Reads history (<c>history.lua</c>).</summary>
    public static RedisScript History { get; } = RedisScript.Load("history");

    /// <summary>Adds presence (<c>presence_add.lua</c>).</summary>
    public static RedisScript PresenceAdd { get; } = RedisScript.Load("presence_add");

    /// <summary>Removes presence (<c>presence_remove.lua</c>).</summary>
    public static RedisScript PresenceRemove { get; } = RedisScript.Load("presence_remove");

    /// <summary>Reads presence or its counts (<c>presence_get.lua</c>).</summary>
    public static RedisScript PresenceGet { get; } = RedisScript.Load("presence_get");
}
