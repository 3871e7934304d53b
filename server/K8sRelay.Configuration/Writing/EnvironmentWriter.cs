using System.Collections;
using System.Text.Json.Nodes;
using K8sRelay.Configuration.Loading;
using K8sRelay.Configuration.Schema;

namespace K8sRelay.Configuration.Writing;

/// <summary>
/// Writes a configuration as <c>CENTRIFUGO_*</c> environment variables in the forms the loader
/// reads: scalars as text, string lists space-separated (a JSON array when an item holds a space
/// or the list is empty), maps and object lists as JSON.
/// </summary>
internal static class EnvironmentWriter
{
    /// <summary>Lists the variables for <paramref name="config"/>, in key order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Write(object config, bool onlyNonDefault)
    {
        var result = new List<KeyValuePair<string, string>>();
        WriteObject(config, ConfigSchema.CreateDefault(config.GetType()), "", "", onlyNonDefault, result);
        return result;
    }

    private static void WriteObject(object value, object defaults, string path, string suffix, bool onlyNonDefault, List<KeyValuePair<string, string>> result)
    {
        var none = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in ConfigSchema.PropertiesOf(value.GetType()))
        {
            var keyPath = ConfigKeyNames.Join(path, property.Key);
            var name = (suffix.Length == 0 ? "" : suffix + "_") + property.Key.ToUpperInvariant();
            var current = property.GetValue(value);
            var fallback = property.GetValue(defaults);
            if (property.Kind == ConfigValueKind.Section)
            {
                WriteObject(
                    current ?? ConfigSchema.CreateDefault(property.Type),
                    fallback ?? ConfigSchema.CreateDefault(property.Type),
                    keyPath,
                    name,
                    onlyNonDefault,
                    result);
                continue;
            }

            JsonNode? node;
            JsonNode? defaultNode;
            if (property.Kind == ConfigValueKind.ObjectList)
            {
                node = ConfigTreeWriter.ListToNode((IList?)current, property.ElementType!, onlyNonDefault: true, keyPath, none);
                defaultNode = ConfigTreeWriter.ListToNode((IList?)fallback, property.ElementType!, onlyNonDefault: true, keyPath, none);
            }
            else
            {
                node = ConfigTreeWriter.LeafToNode(property, current);
                defaultNode = ConfigTreeWriter.LeafToNode(property, fallback);
            }

            if (onlyNonDefault && JsonNode.DeepEquals(node, defaultNode))
            {
                continue;
            }

            result.Add(new(EnvironmentBinder.CentrifugoPrefix + name, ToText(property, node)));
        }
    }

    private static string ToText(ConfigProperty property, JsonNode? node)
    {
        if (property.Kind == ConfigValueKind.StringList && node is JsonArray list)
        {
            var items = list.Select(i => i!.GetValue<string>()).ToList();
            var plain = items.Count > 0 && items.TrueForAll(i => i.Length > 0 && !i.Contains(' ', StringComparison.Ordinal)) && !items[0].StartsWith('[');
            return plain ? string.Join(' ', items) : list.ToJsonString();
        }

        return node switch
        {
            JsonValue value when property.Kind is ConfigValueKind.String or ConfigValueKind.Duration => value.GetValue<string>(),
            null => "",
            _ => node.ToJsonString(),
        };
    }
}
