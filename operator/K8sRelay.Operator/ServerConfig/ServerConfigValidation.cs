using System.Text.Json.Nodes;
using K8sRelay.Configuration;

namespace K8sRelay.Operator.ServerConfig;

/// <summary>
/// Checks a rendered config with the server's own loader and validator, with placeholder values where the pods get
/// secrets from environment variables, so the operator never writes a config the server refuses to start with.
/// </summary>
internal static class ServerConfigValidation
{
    private const string Placeholder = "placeholder-secret-from-environment";

    /// <summary>Readable problems with <paramref name="json"/>; empty when the server will accept it.</summary>
    public static IReadOnlyList<string> Validate(JsonObject json, bool admin)
    {
        var effective = json.DeepClone().AsObject();
        Set(effective, "client.token.hmac_secret_key", Placeholder);
        Set(effective, "http_api.key", Placeholder);
        if (admin)
        {
            Set(effective, "admin.password", Placeholder);
            Set(effective, "admin.secret", Placeholder);
        }

        try
        {
            RelayConfigLoader.Parse(effective.ToJsonString(), ConfigFileFormat.Json);
            return [];
        }
        catch (ConfigException e)
        {
            return e.Errors;
        }
    }

    private static void Set(JsonObject root, string path, string value)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = [];
                node[part] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }
}
