using K8sRelay.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace K8sRelay.Core.Cluster;

public sealed partial class ClusterControl
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.ClusterNodeJoined, LogLevel.Information, "Node {Name} ({NodeId}) joined the cluster")]
        public static partial void NodeJoined(ILogger logger, string name, string nodeId);

        [LoggerMessage(EventIds.ClusterNodeLeft, LogLevel.Information, "Node {NodeId} left the cluster")]
        public static partial void NodeLeft(ILogger logger, string nodeId);

        [LoggerMessage(EventIds.ClusterSendFailed, LogLevel.Warning, "Control message {Kind} could not be sent")]
        public static partial void SendFailed(ILogger logger, string kind, Exception exception);

        [LoggerMessage(EventIds.ClusterBadMessage, LogLevel.Warning, "Control message of {Length} bytes dropped: {Why}")]
        public static partial void BadMessage(ILogger logger, int length, string why);

        [LoggerMessage(EventIds.ClusterUnknownMessage, LogLevel.Warning, "Control message of unknown kind {Kind} from node {NodeId} dropped")]
        public static partial void UnknownMessage(ILogger logger, string kind, string nodeId);

        [LoggerMessage(EventIds.ClusterHandleFailed, LogLevel.Warning, "Control message {Kind} from node {NodeId} failed")]
        public static partial void HandleFailed(ILogger logger, string kind, string nodeId, Exception exception);

        [LoggerMessage(EventIds.ClusterSurveyIncomplete, LogLevel.Warning, "channels: no answer in time from nodes {NodeIds}; answering without them")]
        public static partial void SurveyIncomplete(ILogger logger, string nodeIds);
    }
}
