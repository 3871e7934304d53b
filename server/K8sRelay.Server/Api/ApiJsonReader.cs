using System.Runtime.InteropServices;
using System.Text.Json;
using Google.Protobuf;

namespace K8sRelay.Server.Api;

/// <summary>
/// Strict readers of server API request fields: a field of the wrong JSON type makes the request
/// undecodable (HTTP 400 naming the field); unknown fields are ignored; a JSON <c>null</c> counts
/// as absent.
/// </summary>
internal static class ApiJsonReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Parses a body that must be one JSON object.</summary>
    public static JsonDocument ParseObject(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            throw new ApiBadRequestException("empty request body");
        }

        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            throw new ApiBadRequestException("request body is not valid UTF-8");
        }

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

    /// <summary>Checks that request parameters are an object (null counts as an empty object).</summary>
    public static void RequireObject(JsonElement value, string what)
    {
        if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined))
        {
            throw new ApiBadRequestException(what + " must be a JSON object");
        }
    }

    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    public static string String(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return string.Empty;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw WrongType(name, "a string");
    }

    public static bool Bool(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
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

    public static int Int32(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) ? value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : throw WrongType(name, "a 32-bit integer") : 0;

    public static uint UInt32(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) ? value.ValueKind == JsonValueKind.Number && value.TryGetUInt32(out var n) ? n : throw WrongType(name, "an unsigned 32-bit integer") : 0;

    public static long Int64(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) ? value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : throw WrongType(name, "a 64-bit integer") : 0;

    public static ulong UInt64(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) ? value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var n) ? n : throw WrongType(name, "an unsigned 64-bit integer") : 0;

    /// <summary>An object-valued field, or null when absent.</summary>
    public static JsonElement? Object(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw WrongType(name, "an object");
    }

    public static IEnumerable<string> StringList(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
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

    public static IEnumerable<KeyValuePair<string, string>> StringMap(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw WrongType(name, "an object of strings");
        }

        var map = new List<KeyValuePair<string, string>>();
        foreach (var property in value.EnumerateObject())
        {
            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : throw WrongType(name, "an object of strings");
            map.Add(new KeyValuePair<string, string>(property.Name, text));
        }

        return map;
    }

    /// <summary>The raw JSON text of a field (any JSON value but null), as bytes; empty when absent.</summary>
    public static ByteString RawJson(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return ByteString.Empty;
        }

        return UnsafeByteOperations.UnsafeWrap(JsonMarshal.GetRawUtf8Value(value).ToArray());
    }

    private static ApiBadRequestException WrongType(string name, string expected) =>
        new($"field \"{name}\" must be {expected}");
}
