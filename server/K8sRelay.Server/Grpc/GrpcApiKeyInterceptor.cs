using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using K8sRelay.Configuration.Model;

namespace K8sRelay.Server.Grpc;

/// <summary>
/// Authenticates GRPC API calls when <c>grpc_api.key</c> is set: metadata <c>authorization</c>
/// must be exactly <c>apikey KEY</c> (compared in constant time), else the call ends with
/// UNAUTHENTICATED. Without a key every call passes.
/// </summary>
public sealed class GrpcApiKeyInterceptor : Interceptor
{
    private readonly byte[]? _expected;

    /// <summary>Creates the interceptor for the configured key.</summary>
    public GrpcApiKeyInterceptor(RelayConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var key = config.GrpcApi.Key;
        _expected = string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes("apikey " + key));
    }

    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        if (_expected is not null)
        {
            var given = context.RequestHeaders.GetValue("authorization");
            if (given is null || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), _expected))
            {
                throw new RpcException(new Status(StatusCode.Unauthenticated, "unauthenticated"));
            }
        }

        return continuation(request, context);
    }
}
