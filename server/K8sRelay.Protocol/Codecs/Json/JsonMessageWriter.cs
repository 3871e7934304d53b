using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace K8sRelay.Protocol.Codecs.Json;

/// <summary>
/// Writes client protocol messages as JSON objects: snake_case names, fields in field-number order,
/// zero and empty values left out unless the protocol says a field is always written, and
/// <c>bytes</c> fields embedded as raw JSON values.
/// </summary>
internal static partial class JsonMessageWriter
{
    private static void WriteNonZero(Utf8JsonWriter writer, JsonEncodedText name, uint value)
    {
        if (value != 0)
        {
            writer.WriteNumber(name, value);
        }
    }

    private static void WriteNonZero(Utf8JsonWriter writer, JsonEncodedText name, int value)
    {
        if (value != 0)
        {
            writer.WriteNumber(name, value);
        }
    }

    private static void WriteNonZero(Utf8JsonWriter writer, JsonEncodedText name, long value)
    {
        if (value != 0)
        {
            writer.WriteNumber(name, value);
        }
    }

    private static void WriteNonZero(Utf8JsonWriter writer, JsonEncodedText name, ulong value)
    {
        if (value != 0)
        {
            writer.WriteNumber(name, value);
        }
    }

    private static void WriteIfTrue(Utf8JsonWriter writer, JsonEncodedText name, bool value)
    {
        if (value)
        {
            writer.WriteBoolean(name, true);
        }
    }

    private static void WriteNonEmpty(Utf8JsonWriter writer, JsonEncodedText name, string value)
    {
        if (value.Length != 0)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a <c>bytes</c> field as an embedded raw JSON value, unless it is empty.</summary>
    private static void WriteRawIfPresent(Utf8JsonWriter writer, JsonEncodedText name, ByteString value)
    {
        if (!value.IsEmpty)
        {
            writer.WritePropertyName(name);
            WriteRawJson(writer, value.Span);
        }
    }

    /// <summary>
    /// Writes bytes that hold a JSON value verbatim. Raw <c>\n</c> and <c>\r</c> bytes are dropped
    /// because <c>\n</c> separates messages; in valid JSON they can only be insignificant whitespace.
    /// The bytes are trusted to be valid JSON: they are not parsed again.
    /// </summary>
    internal static void WriteRawJson(Utf8JsonWriter writer, ReadOnlySpan<byte> json)
    {
        if (json.IndexOfAny((byte)'\n', (byte)'\r') < 0)
        {
            writer.WriteRawValue(json, skipInputValidation: true);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(json.Length);
        try
        {
            var length = 0;
            foreach (var b in json)
            {
                if (b is not ((byte)'\n' or (byte)'\r'))
                {
                    rented[length++] = b;
                }
            }

            if (length == 0)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteRawValue(rented.AsSpan(0, length), skipInputValidation: true);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Writes bytes as a JSON string holding their text (Fossil delta mode). Bytes that are not valid
    /// UTF-8 are decoded with replacement characters rather than failing the whole message.
    /// </summary>
    private static void WriteBytesAsJsonString(Utf8JsonWriter writer, JsonEncodedText name, ReadOnlySpan<byte> value)
    {
        if (Utf8.IsValid(value))
        {
            writer.WriteString(name, value);
        }
        else
        {
            writer.WriteString(name, Encoding.UTF8.GetString(value));
        }
    }

    private static void WriteStringMapIfPresent(Utf8JsonWriter writer, JsonEncodedText name, MapField<string, string> map)
    {
        if (map.Count == 0)
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var entry in map)
        {
            writer.WriteString(entry.Key, entry.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteStringArrayIfPresent(Utf8JsonWriter writer, JsonEncodedText name, RepeatedField<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
