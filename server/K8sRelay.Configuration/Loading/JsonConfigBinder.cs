using System.Text.Json;
using System.Text.Json.Nodes;
using K8sRelay.Configuration.Schema;

namespace K8sRelay.Configuration.Loading;

/// <summary>
/// Copies a parsed file tree (JSON, or YAML converted to JSON nodes) onto model objects. Keys
/// match case-insensitively, as with Centrifugo's viper. Types are converted leniently the way
/// viper does (a quoted <c>"8000"</c> is a valid port, a single string is a one-item list);
/// a <c>null</c> value leaves the default. Unknown keys become warnings, bad values errors.
/// </summary>
internal static class JsonConfigBinder
{
    /// <summary>Binds every key of <paramref name="json"/> onto <paramref name="target"/>.</summary>
    public static void BindObject(JsonObject json, object target, string path, ConfigDiagnostics diagnostics)
    {
        var type = target.GetType();
        foreach (var (rawKey, node) in json)
        {
            var key = rawKey.ToLowerInvariant();
            var keyPath = ConfigKeyNames.Join(path, key);
            var property = ConfigSchema.Find(type, key);
            if (property is null)
            {
                diagnostics.UnknownKey(keyPath);
                continue;
            }

            BindValue(property, node, target, keyPath, diagnostics, source: null);
        }
    }

    /// <summary>Binds one node onto the property <paramref name="property"/> of <paramref name="target"/>.</summary>
    public static void BindValue(ConfigProperty property, JsonNode? node, object target, string keyPath, ConfigDiagnostics diagnostics, string? source)
    {
        if (node is null)
        {
            return;
        }

        switch (property.Kind)
        {
            case ConfigValueKind.Section:
                if (node is JsonObject section)
                {
                    var current = property.GetValue(target) ?? ConfigSchema.CreateDefault(property.Type);
                    property.SetValue(target, current);
                    BindObject(section, current, keyPath, diagnostics);
                }
                else
                {
                    diagnostics.InvalidValue(keyPath, $"expected an object, got {Describe(node)}", source);
                }

                break;
            case ConfigValueKind.ObjectList:
                BindObjectList(property, node, target, keyPath, diagnostics, source);
                break;
            case ConfigValueKind.StringList:
                BindStringList(property, node, target, keyPath, diagnostics, source);
                break;
            case ConfigValueKind.StringMap:
                BindStringMap(property, node, target, keyPath, diagnostics, source);
                break;
            default:
                BindScalar(property, node, target, keyPath, diagnostics, source);
                break;
        }
    }

    private static void BindObjectList(ConfigProperty property, JsonNode node, object target, string keyPath, ConfigDiagnostics diagnostics, string? source)
    {
        if (node is not JsonArray array)
        {
            diagnostics.InvalidValue(keyPath, $"expected an array of objects, got {Describe(node)}", source);
            return;
        }

        var elementType = property.ElementType!;
        var list = (System.Collections.IList)ConfigSchema.CreateDefault(property.Type);
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{keyPath}[{i}]";
            if (array[i] is JsonObject itemObject)
            {
                var item = ConfigSchema.CreateDefault(elementType);
                BindObject(itemObject, item, itemPath, diagnostics);
                list.Add(item);
            }
            else
            {
                diagnostics.InvalidValue(itemPath, $"expected an object, got {Describe(array[i])}", source);
            }
        }

        property.SetValue(target, list);
    }

    private static void BindStringList(ConfigProperty property, JsonNode node, object target, string keyPath, ConfigDiagnostics diagnostics, string? source)
    {
        var list = new List<string>();
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (ScalarText(array[i]) is { } text)
                {
                    list.Add(text);
                }
                else
                {
                    diagnostics.InvalidValue($"{keyPath}[{i}]", $"expected a string, got {Describe(array[i])}", source);
                }
            }
        }
        else if (ScalarText(node) is { } single)
        {
            if (single.Length > 0)
            {
                list.Add(single);
            }
        }
        else
        {
            diagnostics.InvalidValue(keyPath, $"expected an array of strings, got {Describe(node)}", source);
            return;
        }

        property.SetValue(target, list);
    }

    private static void BindStringMap(ConfigProperty property, JsonNode node, object target, string keyPath, ConfigDiagnostics diagnostics, string? source)
    {
        if (node is not JsonObject map)
        {
            diagnostics.InvalidValue(keyPath, $"expected an object of strings, got {Describe(node)}", source);
            return;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            if (ScalarText(value) is { } text)
            {
                result[key] = text;
            }
            else
            {
                diagnostics.InvalidValue(ConfigKeyNames.Join(keyPath, key), $"expected a string, got {Describe(value)}", source);
            }
        }

        property.SetValue(target, result);
    }

    private static void BindScalar(ConfigProperty property, JsonNode node, object target, string keyPath, ConfigDiagnostics diagnostics, string? source)
    {
        var text = ScalarText(node);
        if (text is null)
        {
            diagnostics.InvalidValue(keyPath, $"expected {Expected(property.Kind)}, got {Describe(node)}", source);
            return;
        }

        var value = ConfigValueParser.ParseScalar(property.Kind, text, out var error);
        if (error is not null)
        {
            diagnostics.InvalidValue(keyPath, error, source);
            return;
        }

        property.SetValue(target, value);
    }

    /// <summary>The text of a scalar node (strings as is, numbers as written, booleans as true/false); null for objects and arrays.</summary>
    private static string? ScalarText(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    private static string Expected(ConfigValueKind kind) => kind switch
    {
        ConfigValueKind.Bool => "a boolean",
        ConfigValueKind.Int or ConfigValueKind.Long => "an integer",
        ConfigValueKind.Duration => "a duration like \"25s\"",
        _ => "a string",
    };

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => node.ToJsonString(),
    };
}
