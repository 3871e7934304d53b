using K8sRelay.Operator.Diagnostics;

namespace K8sRelay.Operator.Controllers;

public sealed partial class RealtimeClusterController
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.Paused, LogLevel.Information, "RealtimeCluster {Key} is paused")]
        public static partial void Paused(ILogger logger, string key);

        [LoggerMessage(EventIds.InvalidSpec, LogLevel.Warning, "RealtimeCluster {Key} has an invalid spec: {Errors}")]
        public static partial void InvalidSpec(ILogger logger, string key, string errors);

        [LoggerMessage(EventIds.ReconcileFailed, LogLevel.Warning, "Could not record the failure of {Key} in status")]
        public static partial void StatusWriteFailed(ILogger logger, string key, Exception exception);

        [LoggerMessage(EventIds.ServerInfoFailed, LogLevel.Warning, "The info call of cluster {Cluster} failed")]
        public static partial void ServerInfoFailed(ILogger logger, string cluster, Exception exception);

        [LoggerMessage(EventIds.DrainStarted, LogLevel.Information, "Cluster {Cluster}: draining {Pods} before scaling to {Replicas}")]
        public static partial void DrainStarted(ILogger logger, string cluster, string pods, int replicas);

        [LoggerMessage(EventIds.DrainCallFailed, LogLevel.Warning, "The drain call of pod {Pod} failed")]
        public static partial void DrainCallFailed(ILogger logger, string pod, Exception exception);

        [LoggerMessage(EventIds.DrainFinished, LogLevel.Information, "Cluster {Cluster}: drain finished, scaling to {Replicas}")]
        public static partial void DrainFinished(ILogger logger, string cluster, int replicas);
    }
}
