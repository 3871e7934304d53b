using Microsoft.Extensions.Logging;

namespace K8sRelay.Core.Auth;

public sealed partial class JwtTokenVerifier
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 2900, Level = LogLevel.Debug, Message = "Rejected {Kind} token: {Reason}")]
        public static partial void TokenRejected(ILogger logger, string kind, string reason);

        [LoggerMessage(EventId = 2901, Level = LogLevel.Debug, Message = "Rejected {Kind} token: {Reason}")]
        public static partial void TokenExpired(ILogger logger, string kind, string reason);

        [LoggerMessage(EventId = 2902, Level = LogLevel.Warning, Message = "Unexpected {ExceptionType} while verifying a {Kind} token; treated as invalid")]
        public static partial void UnexpectedFailure(ILogger logger, string kind, string exceptionType);
    }
}
