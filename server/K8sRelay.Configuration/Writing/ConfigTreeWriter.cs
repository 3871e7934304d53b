using System.Collections;
using System.Text.Json.Nodes;
using K8sRelay.Configuration.Schema;

namespace K8sRelay.Configuration.Writing;

/// <summary>
/// Turns model objects into a JSON node tree with Centrifugo's nested snake_case keys, the
/// inverse of the loader: durations become Go duration strings, lists arrays, maps objects.
/// </summary>
internal static class ConfigTreeWriter
{
    /// <summary>Writes <paramref name="value"/>.</summary>
    /// <param name="value">A model object.</param>
    /// <param name="onlyNonDefault">Leave out keys equal to the defaults (and sections left empty).</param>
    /// <param name="alwaysInclude">Key paths written even when they equal the default.</param>
    public static JsonObject Write(object value, bool onlyNonDefault, IReadOnlySet<string> alwaysInclude) =>
        WriteObject(value, ConfigSchema.CreateDefault(value.GetType()), onlyNonDefault, "", alwaysInclude);

    /// <summary>Converts a leaf value to a node.</summary>
    public static JsonNode? LeafToNode(ConfigProperty property, object? value) => property.Kind switch
    {
        ConfigValueKind.Duration => JsonValue.Create(GoDuration.Format((TimeSpan)value!)),
        ConfigValueKind.StringList => new JsonArray([.. ((List<string>?)value ?? []).Select(s => (JsonNode?)JsonValue.Create(s))]),
        ConfigValueKind.StringMap => MapToNode((Dictionary<string, string>?)value),
        ConfigValueKind.Bool => JsonValue.Create((bool)value!),
        ConfigValueKind.Int => JsonValue.Create((int)value!),
        ConfigValueKind.Long => JsonValue.Create((long)value!),
        _ => JsonValue.Create((string?)value ?? ""),
    };

    /// <summary>Writes an object list; every item is compared with a fresh default item.</summary>
    public static JsonArray ListToNode(IList? items, Type elementType, bool onlyNonDefault, string path, IReadOnlySet<string> alwaysInclude)
    {
        var array = new JsonArray();
        if (items is null)
        {
            return array;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] ?? ConfigSchema.CreateDefault(elementType);
            array.Add(WriteObject(item, ConfigSchema.CreateDefault(elementType), onlyNonDefault, $"{path}[{i}]", alwaysInclude));
        }

        return array;
    }

    private static JsonObject WriteObject(object value, object defaults, bool onlyNonDefault, string path, IReadOnlySet<string> alwaysInclude)
    {
        var result = new JsonObject();
        foreach (var property in ConfigSchema.PropertiesOf(value.GetType()))
        {
            var keyPath = ConfigKeyNames.Join(path, property.Key);
            var forced = alwaysInclude.Contains(keyPath);
            var current = property.GetValue(value);
            var fallback = property.GetValue(defaults);
            JsonNode? node;
            bool isDefault;
            switch (property.Kind)
            {
                case ConfigValueKind.Section:
                    var section = WriteObject(
                        current ?? ConfigSchema.CreateDefault(property.Type),
                        fallback ?? ConfigSchema.CreateDefault(property.Type),
                        onlyNonDefault,
                        keyPath,
                        alwaysInclude);
                    node = section;
                    isDefault = onlyNonDefault && section.Count == 0;
                    break;
                case ConfigValueKind.ObjectList:
                    node = ListToNode((IList?)current, property.ElementType!, onlyNonDefault, keyPath, alwaysInclude);
                    isDefault = JsonNode.DeepEquals(node, ListToNode((IList?)fallback, property.ElementType!, onlyNonDefault, keyPath, alwaysInclude));
                    break;
                default:
                    node = LeafToNode(property, current);
                    isDefault = JsonNode.DeepEquals(node, LeafToNode(property, fallback));
                    break;
            }

            if (!onlyNonDefault || !isDefault || forced)
            {
                result[property.Key] = node;
            }
        }

        return result;
    }

    private static JsonObject MapToNode(Dictionary<string, string>? map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map ?? [])
        {
            result[key] = value;
        }

        return result;
    }
}
