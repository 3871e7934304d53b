using Microsoft.Extensions.Logging;

namespace K8sRelay.Core.Auth.Jwks;

internal sealed partial class JwksKeyProvider
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 2910, Level = LogLevel.Debug, Message = "Loaded JWKS from {Endpoint}: {KeyCount} keys")]
        public static partial void KeySetLoaded(ILogger logger, string endpoint, int keyCount);

        [LoggerMessage(EventId = 2911, Level = LogLevel.Warning, Message = "JWKS download from {Endpoint} failed (attempt {Attempt}): {Reason}")]
        public static partial void DownloadFailed(ILogger logger, string endpoint, int attempt, string reason);

        [LoggerMessage(EventId = 2912, Level = LogLevel.Warning, Message = "JWKS from {Endpoint} is unusable: {Reason}")]
        public static partial void KeySetInvalid(ILogger logger, string endpoint, string reason);
    }
}
