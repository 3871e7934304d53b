using System.Text.Json;
using System.Text.Json.Nodes;

namespace K8sRelay.Configuration.Loading;

/// <summary>Reads a configuration file or text into a JSON node tree.</summary>
internal static class ConfigFileReader
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads the file at <paramref name="path"/>; problems become errors and the result is null.</summary>
    public static JsonObject? ReadFile(string path, ConfigDiagnostics diagnostics)
    {
        ConfigFileFormat format;
        try
        {
            format = ConfigFileFormats.FromPath(path);
        }
        catch (ConfigException ex)
        {
            diagnostics.Errors.Add(ex.Message);
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Errors.Add($"cannot read config file \"{path}\": {ex.Message}");
            return null;
        }

        return ReadText(text, format, path, diagnostics);
    }

    /// <summary>Parses <paramref name="text"/> in <paramref name="format"/>; <paramref name="origin"/> names it in errors.</summary>
    public static JsonObject? ReadText(string text, ConfigFileFormat format, string origin, ConfigDiagnostics diagnostics)
    {
        try
        {
            if (format == ConfigFileFormat.Yaml)
            {
                return YamlTreeReader.Read(text);
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return [];
            }

            var node = JsonNode.Parse(text, documentOptions: JsonOptions);
            if (node is JsonObject root)
            {
                // Touching every object makes duplicate keys fail here, not later.
                Validate(root);
                return root;
            }

            diagnostics.Errors.Add($"invalid config {origin}: the top level must be a JSON object");
            return null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            diagnostics.Errors.Add($"invalid config {origin}: {ex.Message}");
            return null;
        }
    }

    private static void Validate(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        Validate(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Validate(child);
                    }
                }

                break;
        }
    }
}
