using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using K8sRelay.Configuration.Schema;

namespace K8sRelay.Configuration.Loading;

/// <summary>
/// Sets a model property from text, the way Centrifugo reads environment variables: scalars as
/// text, string lists space-separated (a JSON array is accepted too), maps as JSON objects, and
/// object lists as JSON arrays or, for lists of named items, as space-separated names.
/// </summary>
internal static class TextValueBinder
{
    /// <summary>Parses <paramref name="text"/> into <paramref name="property"/> of <paramref name="target"/>.</summary>
    /// <param name="property">The key to set.</param>
    /// <param name="target">The object owning the key.</param>
    /// <param name="text">The raw text.</param>
    /// <param name="keyPath">The full key path, for messages.</param>
    /// <param name="source">Where the text came from (an environment variable or a flag), for messages.</param>
    /// <param name="diagnostics">Collects errors and warnings.</param>
    public static void Bind(ConfigProperty property, object target, string text, string keyPath, string source, ConfigDiagnostics diagnostics)
    {
        switch (property.Kind)
        {
            case ConfigValueKind.Section:
                diagnostics.InvalidValue(keyPath, "a section cannot be set from a single value", source);
                break;
            case ConfigValueKind.StringList:
                var trimmed = text.Trim();
                if (trimmed.StartsWith('['))
                {
                    BindJson(property, target, trimmed, keyPath, source, diagnostics);
                }
                else
                {
                    property.SetValue(target, ConfigValueParser.SplitList(text));
                }

                break;
            case ConfigValueKind.StringMap:
                BindJson(property, target, text, keyPath, source, diagnostics);
                break;
            case ConfigValueKind.ObjectList:
                if (text.TrimStart().StartsWith('[') || NameProperty(property.ElementType!) is null)
                {
                    BindJson(property, target, text, keyPath, source, diagnostics);
                }
                else
                {
                    BindNames(property, target, text);
                }

                break;
            default:
                var value = ConfigValueParser.ParseScalar(property.Kind, text, out var error);
                if (error is null)
                {
                    property.SetValue(target, value);
                }
                else
                {
                    diagnostics.InvalidValue(keyPath, error, source);
                }

                break;
        }
    }

    /// <summary>The <c>Name</c> key of list items that have one (namespaces, named proxies).</summary>
    public static ConfigProperty? NameProperty(Type elementType)
    {
        var name = ConfigSchema.Find(elementType, "name");
        return name is { Kind: ConfigValueKind.String } ? name : null;
    }

    private static void BindJson(ConfigProperty property, object target, string text, string keyPath, string source, ConfigDiagnostics diagnostics)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            diagnostics.InvalidValue(keyPath, $"expected JSON: {ex.Message}", source);
            return;
        }

        if (node is null)
        {
            return;
        }

        var before = diagnostics.Warnings.Count;
        JsonConfigBinder.BindValue(property, node, target, keyPath, diagnostics, source);
        for (var i = before; i < diagnostics.Warnings.Count; i++)
        {
            diagnostics.Warnings[i] += $" (in {source})";
        }
    }

    private static void BindNames(ConfigProperty property, object target, string text)
    {
        var nameProperty = NameProperty(property.ElementType!)!;
        var list = (IList)ConfigSchema.CreateDefault(property.Type);
        foreach (var name in ConfigValueParser.SplitList(text))
        {
            var item = ConfigSchema.CreateDefault(property.ElementType!);
            nameProperty.SetValue(item, name);
            list.Add(item);
        }

        property.SetValue(target, list);
    }
}
