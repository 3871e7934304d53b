using System.Text;
using System.Text.Json;

namespace K8sRelay.Server.Api;

/// <summary>Strict readers for server API request bodies: wrong types are a bad request (HTTP 400), unknown fields are ignored.</summary>
internal static class ApiJsonReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Parses a body that must be one JSON object.</summary>
    public static JsonDocument ParseObject(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException ex)
        {
            throw new ApiBadRequestException("invalid JSON: " + ex.Message, ex);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new ApiBadRequestException("request body must be a JSON object");
        }

        return document;
    }

    public static string String(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return string.Empty;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw WrongType(name, "a string");
    }

    public static bool Bool(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(name, "a boolean"),
        };
    }

    public static IReadOnlyList<string> StringList(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(name, "an array of strings");
        }

        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw WrongType(name, "an array of strings"));
        }

        return list;
    }

    public static IReadOnlyDictionary<string, string>? StringMap(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw WrongType(name, "an object of strings");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            map[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : throw WrongType(name, "an object of strings");
        }

        return map;
    }

    /// <summary>Raw JSON of <paramref name="name"/> (any JSON value), or null when absent.</summary>
    public static byte[]? RawJson(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        return Encoding.UTF8.GetBytes(value.GetRawText());
    }

    /// <summary>Decoded standard base64 of <paramref name="name"/>, or null when absent; bad base64 is an <see cref="ApiError"/> 107.</summary>
    public static byte[]? Base64(JsonElement obj, string name, out ApiError? error)
    {
        error = null;
        var text = String(obj, name);
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            error = ApiError.BadRequest($"{name} is not valid base64");
            return null;
        }
    }

    private static ApiBadRequestException WrongType(string name, string expected) =>
        new($"field \"{name}\" must be {expected}");
}
