using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.Builders;

/// <summary>
/// Where each server secret lives: a key of the generated &lt;name&gt;-auth Secret or of a Secret the user
/// references, and the environment variable that carries it into the server.
/// </summary>
public static class AuthLayout
{
    /// <summary>Key of the token HMAC secret in the generated Secret.</summary>
    public const string TokenHmacKey = "token-hmac-secret";

    /// <summary>Key of the API key in the generated Secret.</summary>
    public const string ApiKeyKey = "api-key";

    /// <summary>Key of the admin password in the generated Secret.</summary>
    public const string AdminPasswordKey = "admin-password";

    /// <summary>Key of the admin secret in the generated Secret.</summary>
    public const string AdminSecretKey = "admin-secret";

    /// <summary>The secret values of a cluster, in a stable order.</summary>
    public static IReadOnlyList<AuthValue> Of(V1Alpha1RealtimeCluster cluster)
    {
        var names = new ClusterNames(cluster.Metadata.Name);
        var auth = cluster.Spec.Auth;
        var values = new List<AuthValue>
        {
            Value(names, auth.TokenHmacSecret, TokenHmacKey, "CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY"),
            Value(names, auth.ApiKey, ApiKeyKey, "CENTRIFUGO_HTTP_API_KEY"),
        };
        if (auth.Admin.Enabled)
        {
            values.Add(Value(names, auth.Admin.Password, AdminPasswordKey, "CENTRIFUGO_ADMIN_PASSWORD"));
            values.Add(Value(names, auth.Admin.Secret, AdminSecretKey, "CENTRIFUGO_ADMIN_SECRET"));
        }

        return values;
    }

    private static AuthValue Value(ClusterNames names, SecretSourceSpec source, string generatedKey, string env) =>
        source.SecretKeyRef is { } reference
            ? new AuthValue(env, reference.Name, reference.Key, null)
            : new AuthValue(env, names.AuthSecret, generatedKey, source.Generate?.Length ?? 64);
}
