using System.Collections.Frozen;
using K8sRelay.Configuration.Model;

namespace K8sRelay.Core.Channels;

/// <summary>
/// Channel name rules as Centrifugo applies them: namespace lookup (the part before the first
/// namespace boundary, after the private prefix), private (<c>$</c>) channels, user-limited
/// (<c>#</c>) channels, length and character checks. Immutable and thread-safe.
/// </summary>
public sealed class ChannelRules
{
    private readonly ChannelConfig _config;
    private readonly FrozenDictionary<string, ChannelNamespace> _namespaces;
    private readonly ChannelNamespace _default;

    public ChannelRules(ChannelConfig config)
    {
        _config = config;
        _default = new ChannelNamespace(string.Empty, config.WithoutNamespace);
        _namespaces = config.Namespaces.ToFrozenDictionary(n => n.Name, n => new ChannelNamespace(n.Name, n), StringComparer.Ordinal);
    }

    /// <summary>Maximum channel name length.</summary>
    public int MaxLength => _config.MaxLength;

    /// <summary>Finds the namespace of a channel; false for an unknown namespace (error 102).</summary>
    public bool TryResolve(string channel, out ChannelNamespace channelNamespace)
    {
        var name = NamespaceName(channel);
        if (name.Length == 0)
        {
            channelNamespace = _default;
            return true;
        }

        return _namespaces.TryGetValue(name, out channelNamespace!);
    }

    /// <summary>The namespace part of a channel name, or empty.</summary>
    public string NamespaceName(string channel)
    {
        var rest = StripPrivatePrefix(channel);
        var boundary = _config.NamespaceBoundary;
        if (string.IsNullOrEmpty(boundary))
        {
            return string.Empty;
        }

        var index = rest.IndexOf(boundary, StringComparison.Ordinal);
        return index > 0 ? rest[..index] : string.Empty;
    }

    /// <summary>True for private channels (names starting with the private prefix).</summary>
    public bool IsPrivate(string channel) =>
        !string.IsNullOrEmpty(_config.PrivatePrefix) && channel.StartsWith(_config.PrivatePrefix, StringComparison.Ordinal);

    /// <summary>True when the channel is user-limited and <paramref name="user"/> is one of its users.</summary>
    public bool IsUserAllowed(string channel, string user)
    {
        if (user.Length == 0 || string.IsNullOrEmpty(_config.UserBoundary))
        {
            return false;
        }

        var index = channel.LastIndexOf(_config.UserBoundary, StringComparison.Ordinal);
        if (index < 0)
        {
            return false;
        }

        var users = channel.AsSpan(index + _config.UserBoundary.Length);
        foreach (var range in users.Split(_config.UserSeparator.Length > 0 ? _config.UserSeparator : ","))
        {
            if (users[range].SequenceEqual(user))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the channel contains the user boundary (a user-limited channel).</summary>
    public bool IsUserLimited(string channel) =>
        !string.IsNullOrEmpty(_config.UserBoundary) && channel.Contains(_config.UserBoundary, StringComparison.Ordinal);

    /// <summary>
    /// Checks the characters of a client-requested channel: the namespace's <c>channel_regex</c>
    /// (applied to the part after the namespace) or, without a regex, ASCII only.
    /// </summary>
    public bool IsValidName(string channel, ChannelNamespace channelNamespace)
    {
        if (channelNamespace.ChannelRegex is { } regex)
        {
            var rest = channel;
            if (channelNamespace.Name.Length > 0)
            {
                var stripped = StripPrivatePrefix(channel);
                rest = stripped[(channelNamespace.Name.Length + _config.NamespaceBoundary.Length)..];
            }

            try
            {
                return regex.IsMatch(rest);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return false;
            }
        }

        foreach (var c in channel)
        {
            if (c > 127)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The personal channel of a user for <c>client.subscribe_to_user_personal_channel</c>.</summary>
    public string PersonalChannel(string user, string personalNamespace) =>
        string.IsNullOrEmpty(personalNamespace)
            ? _config.UserBoundary + user
            : personalNamespace + _config.NamespaceBoundary + _config.UserBoundary + user;

    private string StripPrivatePrefix(string channel) =>
        IsPrivate(channel) ? channel[_config.PrivatePrefix.Length..] : channel;
}
