namespace K8sRelay.Configuration;

/// <summary>
/// The configuration cannot be used. <see cref="Errors"/> lists every problem found; each names
/// the key it is about, for example <c>invalid value for "client.channel_limit": must be &gt;= 0</c>.
/// The message is the errors joined by new lines.
/// </summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates an exception with no details.</summary>
    public ConfigException()
        : this("invalid configuration")
    {
    }

    /// <summary>Creates an exception for one problem.</summary>
    public ConfigException(string message)
        : base(message)
    {
        Errors = [message];
    }

    /// <summary>Creates an exception for one problem with its cause.</summary>
    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates an exception for several problems.</summary>
    public ConfigException(IReadOnlyList<string> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; }
}
