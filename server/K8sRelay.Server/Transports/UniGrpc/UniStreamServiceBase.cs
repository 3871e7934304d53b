using Grpc.Core;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Server.Transports.UniGrpc;

/// <summary>
/// The binding of <c>CentrifugoUniStream</c> for the GRPC host, in the shape generated services
/// have: the host finds <see cref="Consume"/> as an override of this declaration.
/// </summary>
[BindServiceMethod(typeof(UniStreamServiceBase), nameof(BindService))]
internal abstract class UniStreamServiceBase
{
    /// <summary>Binds the service's one method (called by the GRPC host with a null instance).</summary>
    public static void BindService(ServiceBinderBase binder, UniStreamServiceBase? service)
    {
        ArgumentNullException.ThrowIfNull(binder);
        binder.AddMethod(UniStreamMethods.Consume, service is null ? null : service.Consume);
    }

    /// <summary>Serves one unidirectional GRPC connection.</summary>
    public abstract Task Consume(ConnectRequest request, IServerStreamWriter<UniStreamFrame> responseStream, ServerCallContext context);
}
