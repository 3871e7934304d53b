using System.Text.Json;

namespace K8sRelay.Server.Tests.Security;

/// <summary>What the server answered to one command: a reply, or the close frame that ended the connection.</summary>
internal sealed record ServerAnswer
{
    /// <summary>The reply object, or null when the connection was closed instead.</summary>
    public JsonElement? Reply { get; private init; }

    /// <summary>The close code, or null when a reply came.</summary>
    public int? CloseCode { get; private init; }

    /// <summary>The close reason, or null.</summary>
    public string? CloseReason { get; private init; }

    /// <summary>The reply's <c>error.code</c>, or null.</summary>
    public int? ErrorCode =>
        Reply is { } reply && reply.TryGetProperty("error", out var error) ? error.GetProperty("code").GetInt32() : null;

    /// <summary>The reply's <c>error.temporary</c> flag.</summary>
    public bool Temporary =>
        Reply is { } reply && reply.TryGetProperty("error", out var error)
        && error.TryGetProperty("temporary", out var temporary) && temporary.GetBoolean();

    /// <summary>True when the reply carries the result member <paramref name="method"/> (e.g. <c>connect</c>).</summary>
    public bool Succeeded(string method) => Reply is { } reply && reply.TryGetProperty(method, out _);

    /// <summary>The result member <paramref name="method"/> of the reply.</summary>
    public JsonElement Result(string method) =>
        Reply is { } reply && reply.TryGetProperty(method, out var result)
            ? result
            : throw new InvalidOperationException($"no {method} result in: {this}");

    public static ServerAnswer FromReply(JsonElement reply) => new() { Reply = reply };

    public static ServerAnswer Closed(int code, string? reason) => new() { CloseCode = code, CloseReason = reason };

    public override string ToString() =>
        Reply is { } reply ? reply.GetRawText() : $"closed {CloseCode} {CloseReason}";
}
