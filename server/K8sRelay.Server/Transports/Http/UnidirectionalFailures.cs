using K8sRelay.Configuration.Model;
using K8sRelay.Core.Clients;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Server.Transports.Http;

/// <summary>
/// Turns a failed unidirectional connect into what the client is told. Unidirectional clients get no
/// error replies, so an error code becomes a disconnect: the configured
/// <c>client.connect_code_to_unidirectional_disconnect</c> transforms first, then Centrifugo's defaults
/// (109/110 → 3005, 111 → 3013, 103 → 3507, any other error → 3004). Failures that already are
/// disconnects keep their code. The uni SSE and HTTP-stream transports may instead answer with an
/// HTTP status (<c>connect_code_to_http_response</c>).
/// </summary>
internal static class UnidirectionalFailures
{
    /// <summary>The disconnect a failed connect ends in.</summary>
    public static DisconnectReason ToDisconnect(ConnectFailure failure, ClientConfig client)
    {
        if (failure.IsDisconnect)
        {
            return new DisconnectReason(failure.Code, failure.Message);
        }

        var transforms = client.ConnectCodeToUnidirectionalDisconnect;
        if (transforms.Enabled)
        {
            foreach (var transform in transforms.Transforms)
            {
                if (transform.Code == failure.Code)
                {
                    return new DisconnectReason((uint)transform.To.Code, transform.To.Reason);
                }
            }
        }

        return failure.Code switch
        {
            ErrorCodes.TokenExpired or ErrorCodes.Expired => DisconnectReason.Expired,
            ErrorCodes.TooManyRequests => DisconnectReason.TooManyRequests,
            ErrorCodes.PermissionDenied => DisconnectReason.PermissionDenied,
            _ => DisconnectReason.ServerError,
        };
    }

    /// <summary>
    /// The HTTP status and body for a failed connect when <c>connect_code_to_http_response</c> is on:
    /// the transform for the code (an empty body becomes the error message or disconnect reason),
    /// otherwise 500.
    /// </summary>
    public static (int Status, string Body) ToHttpResponse(ConnectFailure failure, ConnectCodeToHttpResponseConfig config)
    {
        foreach (var transform in config.Transforms)
        {
            if (transform.Code == failure.Code)
            {
                var body = transform.To.Body.Length > 0 ? transform.To.Body : failure.Message;
                return (transform.To.StatusCode, body);
            }
        }

        return (StatusCodes.Status500InternalServerError, "Internal Server Error");
    }

    /// <summary>A bare <c>{"disconnect":…}</c> push, as a unidirectional client receives it.</summary>
    public static Push DisconnectPush(DisconnectReason reason) =>
        new() { Disconnect = new Disconnect { Code = reason.Code, Reason = reason.Reason } };
}
