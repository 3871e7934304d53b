namespace K8sRelay.Core.Diagnostics;

/// <summary>
/// Log event ids, one range per area: 1xxx node and hub, 2xxx client connections, 3xxx transports,
/// 4xxx memory engine, 5xxx Redis engine, 6xxx server API and proxies, 7xxx operator.
/// </summary>
public static class EventIds
{
    public const int BrokerUnsubscribeFailed = 1001;
    public const int ShutdownStarted = 1002;
    public const int DrainStarted = 1003;
    public const int DrainFinished = 1004;
    public const int DeliveryLost = 1005;
    public const int DeliveryRestored = 1006;
    public const int DeliveryCheckFailed = 1007;
    public const int PositionCheckFailed = 1008;
    public const int PositionsBehind = 1009;
    public const int PositionCheckCrashed = 1010;

    public const int ClusterNodeJoined = 1201;
    public const int ClusterNodeLeft = 1202;
    public const int ClusterSendFailed = 1203;
    public const int ClusterBadMessage = 1204;
    public const int ClusterUnknownMessage = 1205;
    public const int ClusterHandleFailed = 1206;
    public const int ClusterSurveyIncomplete = 1207;

    public const int ClientConnected = 2001;
    public const int ClientDisconnected = 2002;
    public const int CommandFailed = 2003;
    public const int ConnectRejected = 2004;
    public const int SubscribeFailed = 2005;
    public const int SlowClient = 2006;
    public const int BadFrame = 2007;

    public const int TransportError = 3001;

    public const int ApiCommandFailed = 6001;
}
