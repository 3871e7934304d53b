namespace K8sRelay.Server.Hosting;

/// <summary>Log messages written while the server starts.</summary>
internal static partial class StartupLog
{
    [LoggerMessage(6100, LogLevel.Warning, "Configuration: {Warning}")]
    public static partial void ConfigWarning(ILogger logger, string warning);

    [LoggerMessage(6101, LogLevel.Information, "K8sRelay {Version} listening on {Address}:{Port}, engine {Engine}")]
    public static partial void Listening(ILogger logger, string version, string address, int port, string engine);
}
