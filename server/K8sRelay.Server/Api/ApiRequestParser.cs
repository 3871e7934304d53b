namespace K8sRelay.Server.Api;

/// <summary>Decodes server API request bodies into request records.</summary>
internal static class ApiRequestParser
{
    public static PublishApiRequest Publish(ReadOnlyMemory<byte> body) => ParsePublish(body, broadcast: false);

    public static PublishApiRequest Broadcast(ReadOnlyMemory<byte> body) => ParsePublish(body, broadcast: true);

    private static PublishApiRequest ParsePublish(ReadOnlyMemory<byte> body, bool broadcast)
    {
        using var document = ApiJsonReader.ParseObject(body);
        var root = document.RootElement;
        var data = ApiJsonReader.RawJson(root, "data");
        var b64 = ApiJsonReader.Base64(root, "b64data", out var b64Error);
        if (b64Error is not null)
        {
            throw new ApiBadRequestException(b64Error.Message);
        }

        return new PublishApiRequest
        {
            Channel = broadcast ? string.Empty : ApiJsonReader.String(root, "channel"),
            Channels = broadcast ? ApiJsonReader.StringList(root, "channels") : [],
            Data = b64 ?? data,
            SkipHistory = ApiJsonReader.Bool(root, "skip_history"),
            Tags = ApiJsonReader.StringMap(root, "tags"),
            IdempotencyKey = ApiJsonReader.String(root, "idempotency_key"),
            Delta = ApiJsonReader.Bool(root, "delta"),
        };
    }
}
