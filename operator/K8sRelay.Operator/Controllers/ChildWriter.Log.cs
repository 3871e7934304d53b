using K8sRelay.Operator.Diagnostics;

namespace K8sRelay.Operator.Controllers;

/// <summary>Log messages of <see cref="ChildWriter"/>.</summary>
public sealed partial class ChildWriter
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.ChildWritten, LogLevel.Information, "{Verb} {Kind} {Name}")]
        public static partial void Wrote(ILogger logger, string verb, string kind, string name);
    }
}
