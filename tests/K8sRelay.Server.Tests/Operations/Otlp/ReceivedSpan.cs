using Google.Protobuf;

namespace K8sRelay.Server.Tests.Operations.Otlp;

/// <summary>A span as an OTLP receiver got it, with helpers to read it.</summary>
/// <param name="Resource">The resource the exporter sent it with.</param>
/// <param name="Span">The span.</param>
internal sealed record ReceivedSpan(Resource Resource, Span Span)
{
    public string TraceId => Convert.ToHexStringLower(Span.TraceId.Span);

    public string SpanId => Convert.ToHexStringLower(Span.SpanId.Span);

    public string ParentSpanId => Convert.ToHexStringLower(Span.ParentSpanId.Span);

    /// <summary>A span attribute as text (strings as they are, numbers and flags formatted), or null.</summary>
    public string? Attribute(string key) => Read(Span.Attributes, key);

    /// <summary>A resource attribute as text, or null.</summary>
    public string? ResourceAttribute(string key) => Read(Resource.Attributes, key);

    private static string? Read(IEnumerable<KeyValue> attributes, string key)
    {
        var value = attributes.FirstOrDefault(a => a.Key == key)?.Value;
        return value?.ValueCase switch
        {
            null or AnyValue.ValueOneofCase.None => null,
            AnyValue.ValueOneofCase.StringValue => value.StringValue,
            AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
            AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => ByteString.CopyFrom(value.BytesValue.Span).ToBase64(),
        };
    }
}
