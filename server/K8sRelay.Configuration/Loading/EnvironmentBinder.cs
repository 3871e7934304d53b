using System.Collections;
using System.Text.RegularExpressions;
using K8sRelay.Configuration.Schema;

namespace K8sRelay.Configuration.Loading;

/// <summary>
/// Applies environment variables to a configuration. Every key has a variable named
/// <c>CENTRIFUGO_</c> plus its upper-cased path with dots as underscores
/// (<c>CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY</c>); the alias prefix <c>K8SRELAY_</c> names the
/// same key and wins when both are set. An empty variable counts as unset. Named list items
/// (channel and RPC namespaces, proxies) also take per-item variables such as
/// <c>CENTRIFUGO_CHANNEL_NAMESPACES_CHAT_PRESENCE</c>, applied after the list itself.
/// Unknown variables with either prefix are reported as warnings, except the service variables
/// Kubernetes injects (<c>…_PORT…</c>, <c>…_SERVICE_…</c>) and <c>CENTRIFUGO_VAR_*</c>.
/// </summary>
internal sealed partial class EnvironmentBinder(IReadOnlyDictionary<string, string?> environment, ConfigDiagnostics diagnostics)
{
    /// <summary>The Centrifugo prefix.</summary>
    public const string CentrifugoPrefix = "CENTRIFUGO_";

    /// <summary>The K8sRelay alias prefix; it wins over <see cref="CentrifugoPrefix"/>.</summary>
    public const string AliasPrefix = "K8SRELAY_";

    private readonly HashSet<string> known = new(StringComparer.Ordinal);

    /// <summary>Applies every matching variable to <paramref name="config"/> and warns about unknown ones.</summary>
    public void Apply(object config)
    {
        ApplyObject(config, keyPath: "", suffix: "", skipName: false);
        WarnAboutUnknown();
    }

    private void ApplyObject(object target, string keyPath, string suffix, bool skipName)
    {
        foreach (var property in ConfigSchema.PropertiesOf(target.GetType()))
        {
            if (skipName && property.Key == "name")
            {
                continue;
            }

            var path = ConfigKeyNames.Join(keyPath, property.Key);
            var name = (suffix.Length == 0 ? "" : suffix + "_") + property.Key.ToUpperInvariant();
            if (property.Kind == ConfigValueKind.Section)
            {
                var section = property.GetValue(target) ?? ConfigSchema.CreateDefault(property.Type);
                property.SetValue(target, section);
                ApplyObject(section, path, name, skipName: false);
                continue;
            }

            if (Lookup(name, path) is { } found)
            {
                TextValueBinder.Bind(property, target, found.Value, path, found.Variable, diagnostics);
            }

            if (property.Kind == ConfigValueKind.ObjectList)
            {
                ApplyToNamedItems(property, target, path, name);
            }
        }
    }

    private void ApplyToNamedItems(ConfigProperty property, object target, string path, string name)
    {
        var nameProperty = TextValueBinder.NameProperty(property.ElementType!);
        if (nameProperty is null || property.GetValue(target) is not IList items)
        {
            return;
        }

        foreach (var item in items)
        {
            if (item is not null && nameProperty.GetValue(item) is string { Length: > 0 } itemName)
            {
                var itemSuffix = name + "_" + ConfigKeyNames.NameForEnvironment(itemName);
                ApplyObject(item, $"{path}[{itemName}]", itemSuffix, skipName: true);
            }
        }
    }

    private (string Variable, string Value)? Lookup(string suffix, string keyPath)
    {
        known.Add(suffix);
        var alias = Get(AliasPrefix + suffix);
        var centrifugo = Get(CentrifugoPrefix + suffix);
        if (alias is not null && centrifugo is not null && !string.Equals(alias, centrifugo, StringComparison.Ordinal))
        {
            diagnostics.Warnings.Add($"both {AliasPrefix}{suffix} and {CentrifugoPrefix}{suffix} are set for \"{keyPath}\"; {AliasPrefix}{suffix} wins");
        }

        if (alias is not null)
        {
            return (AliasPrefix + suffix, alias);
        }

        return centrifugo is null ? null : (CentrifugoPrefix + suffix, centrifugo);
    }

    private string? Get(string variable) =>
        environment.TryGetValue(variable, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private void WarnAboutUnknown()
    {
        foreach (var variable in environment.Keys.Order(StringComparer.Ordinal))
        {
            var prefix = variable.StartsWith(AliasPrefix, StringComparison.Ordinal) ? AliasPrefix
                : variable.StartsWith(CentrifugoPrefix, StringComparison.Ordinal) ? CentrifugoPrefix
                : null;
            if (prefix is null || known.Contains(variable[prefix.Length..]))
            {
                continue;
            }

            var bare = variable[prefix.Length..];
            if (bare.StartsWith("VAR_", StringComparison.Ordinal) || KubernetesServiceVariable().IsMatch("_" + bare))
            {
                continue;
            }

            diagnostics.Warnings.Add($"unknown environment variable {variable} ignored");
        }
    }

    /// <summary>Variables Kubernetes injects for a Service whose name starts with the prefix, such as <c>CENTRIFUGO_PORT_8000_TCP</c>.</summary>
    [GeneratedRegex("^(?:_[A-Z0-9_]+)?_(?:PORT|SERVICE_)")]
    private static partial Regex KubernetesServiceVariable();
}
