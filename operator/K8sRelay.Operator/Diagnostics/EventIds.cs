namespace K8sRelay.Operator.Diagnostics;

/// <summary>Logging event ids of the operator (the 7xxx range of the repository).</summary>
internal static class EventIds
{
    public const int InformerListed = 7001;
    public const int InformerWatchEnded = 7002;
    public const int InformerWatchExpired = 7003;
    public const int InformerFailed = 7004;
    public const int ReconcileStarted = 7010;
    public const int ReconcileFailed = 7011;
    public const int ReconcileSucceeded = 7012;
    public const int ChildWritten = 7020;
    public const int InvalidSpec = 7021;
    public const int Paused = 7022;
    public const int DrainStarted = 7030;
    public const int DrainCallFailed = 7031;
    public const int DrainFinished = 7032;
    public const int ServerInfoFailed = 7033;
    public const int LeadershipAcquired = 7040;
    public const int LeadershipLost = 7041;
    public const int NewLeader = 7042;
    public const int LeaderElectionError = 7043;
}
