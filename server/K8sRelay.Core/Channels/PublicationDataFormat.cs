using System.Text.Json;

namespace K8sRelay.Core.Channels;

/// <summary>The <c>publication_data_format</c> check: empty (no check), <c>json</c>, <c>json_object</c> or <c>binary</c>.</summary>
public static class PublicationDataFormat
{
    /// <summary>True when <paramref name="data"/> is acceptable for <paramref name="format"/>.</summary>
    public static bool IsValid(string format, ReadOnlySpan<byte> data)
    {
        switch (format)
        {
            case "json":
                return IsJson(data, requireObject: false);
            case "json_object":
                return IsJson(data, requireObject: true);
            default:
                return true;
        }
    }

    private static bool IsJson(ReadOnlySpan<byte> data, bool requireObject)
    {
        try
        {
            var reader = new Utf8JsonReader(data, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || (requireObject && reader.TokenType != JsonTokenType.StartObject))
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
