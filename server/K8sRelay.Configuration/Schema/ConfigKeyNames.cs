using System.Text;

namespace K8sRelay.Configuration.Schema;

/// <summary>Turns model property names into Centrifugo keys and keys into environment variable names.</summary>
internal static class ConfigKeyNames
{
    /// <summary>
    /// PascalCase to snake_case: an underscore goes before each capital that follows a lower-case
    /// letter or a digit (<c>HmacSecretKey</c> → <c>hmac_secret_key</c>, <c>Http3</c> →
    /// <c>http3</c>, <c>CertPemB64</c> → <c>cert_pem_b64</c>).
    /// </summary>
    public static string ToSnakeCase(string pascalName)
    {
        var builder = new StringBuilder(pascalName.Length + 8);
        for (var i = 0; i < pascalName.Length; i++)
        {
            var c = pascalName[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(pascalName[i - 1]) || char.IsDigit(pascalName[i - 1])))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The environment form of a dotted key path without prefix: <c>client.token.hmac_secret_key</c> → <c>CLIENT_TOKEN_HMAC_SECRET_KEY</c>.</summary>
    public static string ToEnvironmentSuffix(string keyPath) => keyPath.Replace('.', '_').ToUpperInvariant();

    /// <summary>
    /// The environment form of an item name, as Centrifugo builds it for
    /// <c>CENTRIFUGO_CHANNEL_NAMESPACES_&lt;NAME&gt;_…</c>: dots and dashes become underscores, then upper case.
    /// </summary>
    public static string NameForEnvironment(string name) => name.Replace('.', '_').Replace('-', '_').ToUpperInvariant();

    /// <summary>Joins a parent path and a key with a dot.</summary>
    public static string Join(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;
}
