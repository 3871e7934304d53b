using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace K8sRelay.Configuration.Loading;

/// <summary>
/// Reads YAML into the same JSON node tree a JSON file produces, resolving plain scalars with the
/// YAML 1.2 core schema (as Centrifugo's YAML parser does): <c>true</c>/<c>false</c>, integers,
/// floats and <c>null</c>/<c>~</c>; anything else, and every quoted scalar, is a string.
/// </summary>
internal static partial class YamlTreeReader
{
    /// <summary>Parses <paramref name="text"/>; an empty document is an empty object.</summary>
    /// <exception cref="FormatException">The text is not YAML or its root is not a mapping.</exception>
    public static JsonObject Read(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new FormatException($"line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0)
        {
            return [];
        }

        return stream.Documents[0].RootNode switch
        {
            YamlMappingNode mapping => (JsonObject)Convert(mapping)!,
            YamlScalarNode { Value: null or "" or "~" or "null" } => [],
            _ => throw new FormatException("the top level of a config file must be a mapping of keys"),
        };
    }

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var result = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { } key })
                    {
                        throw new FormatException($"line {keyNode.Start.Line}: keys must be plain strings");
                    }

                    result[key] = Convert(valueNode);
                }

                return result;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(Convert(item));
                }

                return array;
            case YamlScalarNode scalar:
                return ConvertScalar(scalar);
            default:
                throw new FormatException($"line {node.Start.Line}: unsupported YAML node");
        }
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (IntegerPattern().IsMatch(value) &&
            long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (FloatPattern().IsMatch(value) &&
            decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
