using K8sRelay.Operator.Diagnostics;

namespace K8sRelay.Operator.Runtime;

public sealed partial class ControllerTerm
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.ReconcileFailed, LogLevel.Warning, "Reconciling {Key} failed ({Failures} in a row); retrying in {Delay}")]
        public static partial void ReconcileFailed(ILogger logger, string key, int failures, TimeSpan delay, Exception exception);
    }
}
