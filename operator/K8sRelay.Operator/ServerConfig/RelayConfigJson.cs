using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using K8sRelay.Configuration.Model;

namespace K8sRelay.Operator.ServerConfig;

/// <summary>
/// Converts the server's own <see cref="RelayConfig"/> model to and from Centrifugo's JSON shape (snake_case keys,
/// Go durations). Rendering keeps only values that differ from the server defaults, so config.json stays short.
/// Reading rejects unknown keys, so a typo in spec.config.raw is reported instead of silently ignored.
/// </summary>
internal static class RelayConfigJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new GoDurationConverter() },
        WriteIndented = false,
    };

    /// <summary>The config as JSON, without the keys whose values equal the server defaults.</summary>
    public static JsonObject ToMinimalJson(RelayConfig config)
    {
        var actual = JsonSerializer.SerializeToNode(config, Options)!.AsObject();
        var defaults = JsonSerializer.SerializeToNode(new RelayConfig(), Options)!.AsObject();
        Prune(actual, defaults);
        return actual;
    }

    /// <summary>Reads a config back into the model; throws <see cref="JsonException"/> on unknown keys or wrong types.</summary>
    public static RelayConfig Read(JsonObject json) => json.Deserialize<RelayConfig>(Options) ?? new RelayConfig();

    private static void Prune(JsonObject actual, JsonObject defaults)
    {
        foreach (var (key, value) in actual.ToList())
        {
            var fallback = defaults[key];
            if (value is JsonObject nested && fallback is JsonObject nestedDefaults)
            {
                Prune(nested, nestedDefaults);
                if (nested.Count == 0)
                {
                    actual.Remove(key);
                }
            }
            else if (JsonNode.DeepEquals(value, fallback))
            {
                actual.Remove(key);
            }
        }
    }
}
