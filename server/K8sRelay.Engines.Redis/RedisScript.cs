using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace K8sRelay.Engines.Redis;

/// <summary>
/// One Lua script from the embedded <c>Scripts/*.lua</c> resources. Runs with EVALSHA and falls back to EVAL (which
/// also caches the script on that server) when the server answers NOSCRIPT: after a restart, a failover, or on a
/// cluster node that has not seen it yet. Thread-safe.
/// </summary>
internal sealed class RedisScript
{
    private RedisScript(string name, string source)
    {
        Name = name;
        Source = source;
#pragma warning disable CA5350 // SHA1 is what Redis names scripts by; it is not used for security here.
        Hash = SHA1.HashData(Encoding.UTF8.GetBytes(source));
#pragma warning restore CA5350
    }

    /// <summary>File name without extension.</summary>
    public string Name { get; }

    /// <summary>Lua source.</summary>
    public string Source { get; }

    /// <summary>SHA1 of the source, the script's name on the server.</summary>
    public byte[] Hash { get; }

    /// <summary>Loads an embedded script by file name (without <c>.lua</c>).</summary>
    public static RedisScript Load(string name)
    {
        var resource = $"K8sRelay.Engines.Redis.Scripts.{name}.lua";
        using var stream = typeof(RedisScript).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded script {resource} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new RedisScript(name, reader.ReadToEnd());
    }

    /// <summary>Runs the script.</summary>
    public async Task<RedisResult> EvaluateAsync(IDatabaseAsync database, RedisKey[] keys, RedisValue[] values)
    {
        try
        {
            return await database.ScriptEvaluateAsync(Hash, keys, values).ConfigureAwait(false);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return await database.ScriptEvaluateAsync(Source, keys, values).ConfigureAwait(false);
        }
    }
}
