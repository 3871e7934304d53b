using System.Text.Json;
using System.Text.Json.Nodes;
using K8sRelay.Configuration.Model;

namespace K8sRelay.Operator.ServerConfig;

/// <summary>Checks a rendered config the way the server does on start: its keys must bind to the server's model and its values make sense together.</summary>
internal static class ServerConfigValidation
{
    /// <summary>Readable problems with <paramref name="json"/>; empty when the server will accept it.</summary>
    public static IReadOnlyList<string> Validate(JsonObject json)
    {
        RelayConfig config;
        try
        {
            config = RelayConfigJson.Read(json);
        }
        catch (JsonException e)
        {
            return [$"config: {e.Message}"];
        }

        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ns in config.Channel.Namespaces)
        {
            if (!names.Add(ns.Name))
            {
                errors.Add($"channel.namespaces: '{ns.Name}' is defined twice");
            }

            if (ns.HistorySize > 0 != ns.HistoryTtl > TimeSpan.Zero)
            {
                errors.Add($"channel.namespaces[{ns.Name}]: history_size and history_ttl must be set together");
            }

            if (ns.ForceRecovery && ns.HistorySize == 0)
            {
                errors.Add($"channel.namespaces[{ns.Name}]: force_recovery needs history");
            }
        }

        if (config.Engine.Type is not ("memory" or "redis"))
        {
            errors.Add($"engine.type: '{config.Engine.Type}' is not memory or redis");
        }

        if (config.Client.ConnectionLimit < 0 || config.Client.ConnectionRateLimit < 0)
        {
            errors.Add("client: connection limits must not be negative");
        }

        return errors;
    }
}
