using System.Text.Json;

namespace K8sRelay.Server.Api;

/// <summary>The outcome of one server API command: an error, or a result written by a callback.</summary>
public sealed class ApiResult
{
    private ApiResult(ApiError? error, Action<Utf8JsonWriter>? writeResult)
    {
        Error = error;
        WriteResult = writeResult;
    }

    /// <summary>The error, or null on success.</summary>
    public ApiError? Error { get; }

    /// <summary>Writes the result object's members (the caller writes the braces); null for an empty result.</summary>
    public Action<Utf8JsonWriter>? WriteResult { get; }

    public static ApiResult Ok(Action<Utf8JsonWriter>? writeResult = null) => new(null, writeResult);

    public static ApiResult Fail(ApiError error) => new(error, null);

    /// <summary>Writes <c>{"result":{…}}</c> or <c>{"error":{…}}</c>.</summary>
    public void WriteEnvelope(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        WriteBody(writer, "result");
        writer.WriteEndObject();
    }

    /// <summary>Writes the <c>error</c> member, or the result under <paramref name="resultName"/>.</summary>
    public void WriteBody(Utf8JsonWriter writer, string resultName)
    {
        if (Error is not null)
        {
            writer.WriteStartObject("error");
            writer.WriteNumber("code", Error.Code);
            writer.WriteString("message", Error.Message);
            writer.WriteEndObject();
            return;
        }

        writer.WriteStartObject(resultName);
        WriteResult?.Invoke(writer);
        writer.WriteEndObject();
    }
}
