using System.Text.RegularExpressions;
using K8sRelay.Configuration.Model;
using K8sRelay.Configuration.Schema;
using K8sRelay.Configuration.Validation;

namespace K8sRelay.Configuration;

/// <summary>Channel, namespace and channel option rules.</summary>
public static partial class RelayConfigValidator
{
    private const string DefaultProxyName = "default";
    private const string ChannelNamespaceNamePattern = "^[-a-zA-Z0-9_]{2,}$";

    private static void ValidateChannels(RelayConfig config, ValidationScope root, HashSet<string> proxyNames)
    {
        var channel = config.Channel;
        var scope = root.Under("channel");
        scope.Positive("max_length", channel.MaxLength);
        scope.NotEmpty("private_prefix", channel.PrivatePrefix);
        scope.NotEmpty("namespace_boundary", channel.NamespaceBoundary);
        scope.NotEmpty("user_boundary", channel.UserBoundary);
        scope.NotEmpty("user_separator", channel.UserSeparator);
        scope.Positive("history_meta_ttl", channel.HistoryMetaTtl);
        scope.WholeSeconds("history_meta_ttl", channel.HistoryMetaTtl);
        scope.OneOf("publication_data_format", channel.PublicationDataFormat, PublicationDataFormats);

        ValidateChannelOptions(config, scope.Under("without_namespace"), channel.WithoutNamespace, proxyNames);

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < channel.Namespaces.Count; i++)
        {
            var ns = channel.Namespaces[i];
            var item = scope.Under($"namespaces[{i}]", $"namespace \"{ns.Name}\"");
            if (!Regex.IsMatch(ns.Name, ChannelNamespaceNamePattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                item.Fail("name", $"must match {ChannelNamespaceNamePattern}, got \"{ns.Name}\"");
            }
            else if (!names.Add(ns.Name))
            {
                item.Fail("name", $"duplicate namespace name \"{ns.Name}\"");
            }

            ValidateChannelOptions(config, item, ns, proxyNames);
        }

        ValidatePersonalChannel(config, root);
    }

    private static void ValidateChannelOptions(RelayConfig config, ValidationScope scope, ChannelOptionsConfig options, HashSet<string> proxyNames)
    {
        scope.NonNegative("history_size", options.HistorySize);
        scope.NonNegative("history_ttl", options.HistoryTtl);
        scope.NonNegative("history_meta_ttl", options.HistoryMetaTtl);
        scope.WholeSeconds("history_ttl", options.HistoryTtl);
        scope.WholeSeconds("history_meta_ttl", options.HistoryMetaTtl);

        var hasSize = options.HistorySize > 0;
        var hasTtl = options.HistoryTtl > TimeSpan.Zero;
        if (hasTtl && !hasSize)
        {
            scope.Fail("history_ttl", "is set but history_size is not; history needs both");
        }
        else if (hasSize && !hasTtl)
        {
            scope.Fail("history_size", "is set but history_ttl is not; history needs both");
        }

        if (options.HistoryMetaTtl > TimeSpan.Zero)
        {
            if (options.HistoryMetaTtl < options.HistoryTtl)
            {
                scope.Fail("history_meta_ttl", $"must not be less than history_ttl ({GoDuration.Format(options.HistoryTtl)})");
            }
        }
        else if (config.Channel.HistoryMetaTtl < options.HistoryTtl)
        {
            scope.Fail("history_ttl", $"must not be greater than channel.history_meta_ttl ({GoDuration.Format(config.Channel.HistoryMetaTtl)})");
        }

        if (options.ForceRecovery && !(hasSize && hasTtl))
        {
            scope.Fail("force_recovery", "needs history: set history_size and history_ttl");
        }

        scope.OneOf("force_recovery_mode", options.ForceRecoveryMode, "", "stream", "cache");
        if (options.AutoCacheRecovery && !(options.ForceRecovery && options.ForceRecoveryMode == "cache"))
        {
            scope.Fail("auto_cache_recovery", "needs force_recovery and force_recovery_mode \"cache\"");
        }

        foreach (var deltaType in options.AllowedDeltaTypes)
        {
            if (deltaType != "fossil")
            {
                scope.Fail("allowed_delta_types", $"unknown delta type \"{deltaType}\", only \"fossil\" exists");
            }
        }

        scope.Regex("channel_regex", options.ChannelRegex);
        scope.OneOf("publication_data_format", options.PublicationDataFormat, PublicationDataFormats);

        if (options.SubscribeStreamProxyEnabled &&
            (options.SubscribeProxyEnabled || options.PublishProxyEnabled || options.SubRefreshProxyEnabled))
        {
            scope.Fail("subscribe_stream_proxy_enabled", "cannot be combined with the subscribe, publish or sub_refresh proxies");
        }

        var proxies = config.Channel.Proxy;
        ChannelProxyReference(scope, "subscribe", options.SubscribeProxyEnabled, options.SubscribeProxyName, proxyNames, proxies.Subscribe);
        ChannelProxyReference(scope, "publish", options.PublishProxyEnabled, options.PublishProxyName, proxyNames, proxies.Publish);
        ChannelProxyReference(scope, "sub_refresh", options.SubRefreshProxyEnabled, options.SubRefreshProxyName, proxyNames, proxies.SubRefresh);
        ChannelProxyReference(scope, "subscribe_stream", options.SubscribeStreamProxyEnabled, options.SubscribeStreamProxyName, proxyNames, proxies.SubscribeStream);
    }

    private static void ChannelProxyReference(ValidationScope scope, string kind, bool enabled, string name, HashSet<string> proxyNames, ProxyConfig defaultProxy)
    {
        if (name.Length > 0 && !proxyNames.Contains(name))
        {
            scope.Fail($"{kind}_proxy_name", $"proxy \"{name}\" is not defined in proxies");
            return;
        }

        if (enabled && (name.Length == 0 || name == DefaultProxyName))
        {
            ValidateProxy(scope.Root.Under($"channel.proxy.{kind}"), defaultProxy);
        }
    }
}
