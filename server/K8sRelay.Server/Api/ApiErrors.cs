using K8sRelay.Protocol;
using K8sRelay.Server.Grpc.Api;

namespace K8sRelay.Server.Api;

/// <summary>
/// The errors the server API answers with: Centrifugo's codes and messages (100 internal server
/// error, 102 unknown channel, 104 not found, 107 bad request, 108 not available,
/// 112 unrecoverable position, 113 conflict). Bad requests add what was wrong after the
/// standard text.
/// </summary>
public static class ApiErrors
{
    /// <summary>100: something failed inside the server.</summary>
    public static Error Internal() => new() { Code = ErrorCodes.Internal, Message = "internal server error" };

    /// <summary>102: the channel's namespace does not exist.</summary>
    public static Error UnknownChannel() => new() { Code = ErrorCodes.UnknownChannel, Message = "unknown channel" };

    /// <summary>104: the method (or batch command) is not known.</summary>
    public static Error NotFound() => new() { Code = ErrorCodes.MethodNotFound, Message = "not found" };

    /// <summary>107: the request is malformed; <paramref name="detail"/> names the problem.</summary>
    public static Error BadRequest(string detail) => new() { Code = ErrorCodes.BadRequest, Message = "bad request: " + detail };

    /// <summary>108: the feature (presence, history) is off for the channel.</summary>
    public static Error NotAvailable() => new() { Code = ErrorCodes.NotAvailable, Message = "not available" };

    /// <summary>Maps an error raised by the core (such as 112 unrecoverable position).</summary>
    public static Error From(ProtocolError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Error { Code = error.Code, Message = error.Message };
    }

    /// <summary>
    /// The HTTP status of an error in transport error mode: 100→500, 102/104→404, 107/108→400,
    /// 112→416, 113→409, any other→500.
    /// </summary>
    public static int HttpStatus(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            ErrorCodes.UnknownChannel or ErrorCodes.MethodNotFound => StatusCodes.Status404NotFound,
            ErrorCodes.BadRequest or ErrorCodes.NotAvailable => StatusCodes.Status400BadRequest,
            ErrorCodes.UnrecoverablePosition => StatusCodes.Status416RangeNotSatisfiable,
            ErrorCodes.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status500InternalServerError,
        };
    }
}
