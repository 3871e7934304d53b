using System.Globalization;

namespace K8sRelay.Engines.Redis.Tests.Infrastructure;

/// <summary>
/// Makes Redis behave as if time passed for one key prefix: every key with a TTL under the prefix gets its
/// remaining TTL shortened by the step, and keys whose TTL would run out are deleted, which is what Redis would
/// have done.
/// </summary>
public static class RedisTimeTravel
{
    /// <summary>Shortens TTLs of keys starting with <paramref name="prefix"/> on every master by <paramref name="by"/>.</summary>
    public static async Task AdvanceAsync(RedisTopologyFixture fixture, string prefix, TimeSpan by) =>
        await AdvanceAsync(await fixture.MasterPortsAsync(), prefix, by);

    /// <summary>Shortens TTLs of keys starting with <paramref name="prefix"/> on the servers at <paramref name="ports"/>.</summary>
    public static async Task AdvanceAsync(IEnumerable<int> ports, string prefix, TimeSpan by)
    {
        var step = (long)by.TotalMilliseconds;
        foreach (var port in ports)
        {
            var cursor = "0";
            do
            {
                var reply = (await Resp.CommandAsync(port, "SCAN", cursor, "MATCH", prefix + "*", "COUNT", "1000")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                cursor = reply[0];
                foreach (var key in reply.Skip(1))
                {
                    var ttl = long.Parse(await Resp.CommandAsync(port, "PTTL", key), CultureInfo.InvariantCulture);
                    if (ttl < 0)
                    {
                        continue;
                    }

                    if (ttl <= step)
                    {
                        await Resp.CommandAsync(port, "DEL", key);
                    }
                    else
                    {
                        await Resp.CommandAsync(port, "PEXPIRE", key, (ttl - step).ToString(CultureInfo.InvariantCulture));
                    }
                }
            }
            while (cursor != "0");
        }
    }
}
