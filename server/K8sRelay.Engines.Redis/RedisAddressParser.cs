using System.Globalization;

namespace K8sRelay.Engines.Redis;

/// <summary>Parses Centrifugo's Redis address forms. Stateless and thread-safe.</summary>
public static class RedisAddressParser
{
    private const int DefaultPort = 6379;
    private const int DefaultSentinelPort = 26379;

    /// <summary>
    /// Parses one address. Values the address does not carry (user, password, db, TLS, Sentinel master) come from
    /// <paramref name="defaults"/>. Throws <see cref="FormatException"/> for an address it cannot read.
    /// </summary>
    public static RedisAddress Parse(string address, RedisEngineOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new FormatException("Redis address is empty.");
        }

        address = address.Trim();
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            var topology = string.IsNullOrEmpty(defaults.SentinelMasterName) ? RedisTopology.Standalone : RedisTopology.Sentinel;
            var port = topology == RedisTopology.Sentinel ? DefaultSentinelPort : DefaultPort;
            return new RedisAddress(topology, [ParseEndPoint(address, port)], defaults.User, defaults.Password, defaults.Db, defaults.Tls, defaults.SentinelMasterName);
        }

        var scheme = address[..schemeEnd].ToLowerInvariant();
        var rest = address[(schemeEnd + 3)..];
        var (topologyOfScheme, tls, defaultPort) = scheme switch
        {
            "redis" => (RedisTopology.Standalone, false, DefaultPort),
            "rediss" => (RedisTopology.Standalone, true, DefaultPort),
            "redis+sentinel" => (RedisTopology.Sentinel, false, DefaultSentinelPort),
            "rediss+sentinel" => (RedisTopology.Sentinel, true, DefaultSentinelPort),
            "redis+cluster" => (RedisTopology.Cluster, false, DefaultPort),
            "rediss+cluster" => (RedisTopology.Cluster, true, DefaultPort),
            _ => throw new FormatException($"Unsupported Redis address scheme '{scheme}'."),
        };

        var query = string.Empty;
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        if (queryStart >= 0)
        {
            query = rest[(queryStart + 1)..];
            rest = rest[..queryStart];
        }

        string? user = defaults.User;
        string? password = defaults.Password;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var userPart = Uri.UnescapeDataString(colon >= 0 ? userInfo[..colon] : userInfo);
            user = userPart.Length > 0 ? userPart : user;
            if (colon >= 0)
            {
                password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }

        var db = defaults.Db;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var dbText = rest[(slash + 1)..];
            rest = rest[..slash];
            if (dbText.Length > 0 && !int.TryParse(dbText, NumberStyles.None, CultureInfo.InvariantCulture, out db))
            {
                throw new FormatException($"Invalid Redis database '{dbText}'.");
            }
        }

        var endPoints = rest.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => ParseEndPoint(e, defaultPort)).ToList();
        var masterName = defaults.SentinelMasterName;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq >= 0 ? pair[..eq] : pair;
            var value = eq >= 0 ? Uri.UnescapeDataString(pair[(eq + 1)..]) : string.Empty;
            switch (name)
            {
                case "addr":
                    endPoints.Add(ParseEndPoint(value, defaultPort));
                    break;
                case "sentinel_master_name":
                    masterName = value;
                    break;
                case "db":
                    db = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                default:
                    // Other options in the URL (timeouts, pool sizes, ...) belong to Go clients; they are ignored.
                    break;
            }
        }

        if (endPoints.Count == 0)
        {
            throw new FormatException("Redis address has no host.");
        }

        if (topologyOfScheme == RedisTopology.Sentinel && string.IsNullOrEmpty(masterName))
        {
            throw new FormatException("redis+sentinel address needs sentinel_master_name.");
        }

        return new RedisAddress(topologyOfScheme, endPoints, user, password, db, tls || defaults.Tls,
            topologyOfScheme == RedisTopology.Sentinel ? masterName : null);
    }

    private static (string Host, int Port) ParseEndPoint(string text, int defaultPort)
    {
        text = text.Trim();
        string host;
        string? portText = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"Invalid Redis endpoint '{text}'.");
            }

            host = text[1..close];
            if (close + 1 < text.Length && text[close + 1] == ':')
            {
                portText = text[(close + 2)..];
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            host = colon >= 0 ? text[..colon] : text;
            portText = colon >= 0 ? text[(colon + 1)..] : null;
        }

        if (host.Length == 0)
        {
            throw new FormatException($"Invalid Redis endpoint '{text}'.");
        }

        var port = defaultPort;
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new FormatException($"Invalid port in Redis endpoint '{text}'.");
        }

        return (host, port);
    }
}
