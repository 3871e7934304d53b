using System.Globalization;

namespace K8sRelay.Server.Api;

/// <summary>
/// Host settings of the HTTP API that have no Centrifugo configuration key. They come from the
/// ASP.NET Core configuration, so the Centrifugo key set stays untouched: environment variable
/// <c>ServerApi__MaxRequestBodySize</c> (or <c>ServerApi:MaxRequestBodySize</c> in any other
/// configuration source).
/// </summary>
public sealed class ServerApiOptions
{
    /// <summary>Configuration key of <see cref="MaxRequestBodySize"/>.</summary>
    public const string MaxRequestBodySizeKey = "ServerApi:MaxRequestBodySize";

    /// <summary>Default request body limit: 10 MiB.</summary>
    public const long DefaultMaxRequestBodySize = 10 * 1024 * 1024;

    /// <summary>Largest accepted request body in bytes; larger bodies get HTTP 413. 0 or less = no limit.</summary>
    public long MaxRequestBodySize { get; init; } = DefaultMaxRequestBodySize;

    /// <summary>Reads the options; a value that is not a whole number fails the start.</summary>
    public static ServerApiOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[MaxRequestBodySizeKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ServerApiOptions();
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit)
            ? new ServerApiOptions { MaxRequestBodySize = limit }
            : throw new InvalidOperationException($"{MaxRequestBodySizeKey} must be a whole number of bytes, not \"{text}\"");
    }
}
