using K8sRelay.Configuration.Model;
using K8sRelay.Core.Auth;
using K8sRelay.Core.Cluster;
using K8sRelay.Core.Engines;
using K8sRelay.Core.Engines.Memory;
using K8sRelay.Core.Node;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace K8sRelay.Testing.Nodes;

/// <summary>Builds nodes on the memory engine for unit tests and benchmarks.</summary>
public static class TestNodes
{
    public const string HmacSecret = "unit-test-hmac-secret-0123456789-abcdefghijklmnop";

    /// <summary>
    /// A node whose config starts from the defaults plus an HMAC secret, adjusted by <paramref name="configure"/>;
    /// on the memory engine unless another <paramref name="broker"/> or <paramref name="controlBus"/> is given.
    /// </summary>
    public static RelayNode Create(
        Action<RelayConfig>? configure = null,
        TimeProvider? time = null,
        IBroker? broker = null,
        IControlBus? controlBus = null,
        ClusterOptions? cluster = null)
    {
        time ??= TimeProvider.System;
        var config = new RelayConfig();
        config.Client.Token.HmacSecretKey = HmacSecret;
        configure?.Invoke(config);
        broker ??= new MemoryBroker(Options.Create(new MemoryEngineOptions()), time);
        var verifier = new JwtTokenVerifier(new TokenVerifierOptions { HmacSecretKey = HmacSecret }, null, null, time);
        return new RelayNode(config, broker, new MemoryPresenceManager(), controlBus ?? new MemoryControlBus(), verifier, time, NullLoggerFactory.Instance, cluster);
    }

    /// <summary>Issues tokens signed with <see cref="HmacSecret"/>.</summary>
    public static TokenIssuer Tokens(TimeProvider? time = null) => new(HmacSecret, time);
}
