using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using K8sRelay.Protocol;
using K8sRelay.Server.Grpc.Api;

namespace K8sRelay.Server.Grpc;

/// <summary>
/// Transport error mode of the GRPC API: an API error becomes a GRPC status (100 Internal,
/// 102/104 NotFound, 107/108 InvalidArgument, 112 OutOfRange, 113 AlreadyExists, others
/// Internal) whose message is the error message, with the API <see cref="Error"/> attached as a
/// <c>google.rpc.Status</c> detail in the <c>grpc-status-details-bin</c> trailer.
/// </summary>
public static class GrpcErrors
{
    /// <summary>Trailer that carries the serialized <c>google.rpc.Status</c>.</summary>
    public const string StatusDetailsTrailer = "grpc-status-details-bin";

    /// <summary>The GRPC status code for an API error code.</summary>
    public static StatusCode StatusCodeFor(uint code) => code switch
    {
        ErrorCodes.UnknownChannel or ErrorCodes.MethodNotFound => StatusCode.NotFound,
        ErrorCodes.BadRequest or ErrorCodes.NotAvailable => StatusCode.InvalidArgument,
        ErrorCodes.UnrecoverablePosition => StatusCode.OutOfRange,
        ErrorCodes.Conflict => StatusCode.AlreadyExists,
        _ => StatusCode.Internal,
    };

    /// <summary>The exception that answers the call with the status of <paramref name="error"/>.</summary>
    public static RpcException ToException(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var code = StatusCodeFor(error.Code);
        var details = new Rpc.Status { Code = (int)code, Message = error.Message };
        details.Details.Add(Any.Pack(error));
        var trailers = new Metadata { { StatusDetailsTrailer, details.ToByteArray() } };
        return new RpcException(new Status(code, error.Message), trailers);
    }

    /// <summary>Reads the API error attached to a transport-mode status, or null.</summary>
    public static Error? ReadError(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var entry = exception.Trailers.Get(StatusDetailsTrailer);
        if (entry is null || !entry.IsBinary)
        {
            return null;
        }

        var status = Rpc.Status.Parser.ParseFrom(entry.ValueBytes);
        return status.Details.Select(d => d.TryUnpack<Error>(out var e) ? e : null).FirstOrDefault(e => e is not null);
    }
}
