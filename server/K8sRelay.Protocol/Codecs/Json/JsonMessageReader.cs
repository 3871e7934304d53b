using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace K8sRelay.Protocol.Codecs.Json;

/// <summary>
/// Reads one JSON message of the client protocol into the generated message classes. Property names
/// are the proto snake_case names; unknown properties and <c>null</c> values are skipped; a value of
/// the wrong JSON type fails with <see cref="ProtocolDecodeException"/>. <c>bytes</c> fields capture
/// the raw JSON text of their value. Callers translate the reader's own exceptions
/// (<see cref="JsonException"/>, <see cref="InvalidOperationException"/>) into decode errors.
/// </summary>
internal ref partial struct JsonMessageReader
{
    /// <summary>Longest property name the protocol uses is well below this; longer names are unknown.</summary>
    private const int NameBufferLength = 32;

    private readonly ReadOnlySpan<byte> _json;
    private Utf8JsonReader _reader;

    public JsonMessageReader(ReadOnlySpan<byte> json)
    {
        _json = json;
        _reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
    }

    /// <summary>Moves onto the first token of the document.</summary>
    public void ReadDocumentStart() => Advance();

    /// <summary>Fails when anything but whitespace follows the message.</summary>
    public void ReadDocumentEnd()
    {
        if (_reader.Read())
        {
            throw new ProtocolDecodeException("unexpected content after the JSON message");
        }
    }

    private void Advance()
    {
        if (!_reader.Read())
        {
            throw new ProtocolDecodeException("truncated JSON message");
        }
    }

    /// <summary>
    /// Moves to the next property of the current object whose value is not <c>null</c> and leaves the
    /// reader on that value. The property name, if it is a short ASCII name, is copied into
    /// <paramref name="buffer"/>; otherwise <paramref name="nameLength"/> is 0 (an unknown name).
    /// Returns false at the end of the object.
    /// </summary>
    private bool NextProperty(scoped Span<char> buffer, out int nameLength)
    {
        while (true)
        {
            Advance();
            if (_reader.TokenType == JsonTokenType.EndObject)
            {
                nameLength = 0;
                return false;
            }

            nameLength = CopyPropertyName(buffer);
            Advance();
            if (_reader.TokenType != JsonTokenType.Null)
            {
                return true;
            }
        }
    }

    private readonly int CopyPropertyName(scoped Span<char> buffer)
    {
        Span<byte> unescaped = stackalloc byte[NameBufferLength * 2];
        scoped ReadOnlySpan<byte> name = _reader.ValueSpan;
        if (_reader.ValueIsEscaped)
        {
            if (name.Length > unescaped.Length)
            {
                return 0;
            }

            name = unescaped[.._reader.CopyString(unescaped)];
        }

        if (name.Length > buffer.Length)
        {
            return 0;
        }

        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] >= 0x80)
            {
                return 0;
            }

            buffer[i] = (char)name[i];
        }

        return name.Length;
    }

    private void SkipValue() => _reader.Skip();

    private readonly void ExpectObject(string what)
    {
        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ProtocolDecodeException($"{what} must be a JSON object");
        }
    }

    private readonly void ExpectArray(string what)
    {
        if (_reader.TokenType != JsonTokenType.StartArray)
        {
            throw new ProtocolDecodeException($"{what} must be a JSON array");
        }
    }

    private readonly uint ReadUInt32()
    {
        if (_reader.TokenType != JsonTokenType.Number || !_reader.TryGetUInt32(out var value))
        {
            throw Invalid("an unsigned 32-bit integer");
        }

        return value;
    }

    private readonly int ReadInt32()
    {
        if (_reader.TokenType != JsonTokenType.Number || !_reader.TryGetInt32(out var value))
        {
            throw Invalid("a 32-bit integer");
        }

        return value;
    }

    private readonly long ReadInt64()
    {
        if (_reader.TokenType != JsonTokenType.Number || !_reader.TryGetInt64(out var value))
        {
            throw Invalid("a 64-bit integer");
        }

        return value;
    }

    private readonly ulong ReadUInt64()
    {
        if (_reader.TokenType != JsonTokenType.Number || !_reader.TryGetUInt64(out var value))
        {
            throw Invalid("an unsigned 64-bit integer");
        }

        return value;
    }

    private readonly bool ReadBoolean() => _reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Invalid("a boolean"),
    };

    private readonly string ReadString()
    {
        if (_reader.TokenType != JsonTokenType.String)
        {
            throw Invalid("a string");
        }

        return _reader.GetString()!;
    }

    /// <summary>Captures the raw JSON text of the current value (a <c>bytes</c> field).</summary>
    private ByteString ReadRaw()
    {
        var start = (int)_reader.TokenStartIndex;
        _reader.Skip();
        var end = (int)_reader.BytesConsumed;
        return ByteString.CopyFrom(_json[start..end]);
    }

    private void ReadEmptyMessage(string what)
    {
        ExpectObject(what);
        Span<char> name = stackalloc char[NameBufferLength];
        while (NextProperty(name, out _))
        {
            SkipValue();
        }
    }

    private void ReadStringMap(MapField<string, string> map, string what)
    {
        ExpectObject(what);
        while (NextMapEntry(out var key))
        {
            map[key] = ReadString();
        }
    }

    private void ReadStringArray(RepeatedField<string> values, string what)
    {
        ExpectArray(what);
        while (NextArrayItem())
        {
            values.Add(ReadString());
        }
    }

    /// <summary>Moves to the next map entry whose value is not <c>null</c>; false at the end of the object.</summary>
    private bool NextMapEntry(out string key)
    {
        while (true)
        {
            Advance();
            if (_reader.TokenType == JsonTokenType.EndObject)
            {
                key = string.Empty;
                return false;
            }

            key = _reader.GetString()!;
            Advance();
            if (_reader.TokenType != JsonTokenType.Null)
            {
                return true;
            }
        }
    }

    /// <summary>Moves to the next array item that is not <c>null</c>; false at the end of the array.</summary>
    private bool NextArrayItem()
    {
        while (true)
        {
            Advance();
            if (_reader.TokenType == JsonTokenType.EndArray)
            {
                return false;
            }

            if (_reader.TokenType != JsonTokenType.Null)
            {
                return true;
            }
        }
    }

    private readonly ProtocolDecodeException Invalid(string expected) =>
        new($"expected {expected}, found JSON {_reader.TokenType} at byte {_reader.TokenStartIndex}");
}
