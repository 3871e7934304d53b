using K8sRelay.Testing.Processes;
namespace K8sRelay.Engines.Redis.Tests.Infrastructure;

/// <summary>One standalone redis-server, addressed as <c>redis://127.0.0.1:PORT/0</c>.</summary>
public sealed class StandaloneRedisFixture : RedisTopologyFixture
{
    private RedisServer? _server;

    /// <summary>The server.</summary>
    public RedisServer Server => _server ?? throw new InvalidOperationException("Not started.");

    /// <inheritdoc />
    public override IReadOnlyList<string> Addresses => [$"redis://{Server.Address}/0"];

    /// <inheritdoc />
    public override async ValueTask InitializeAsync() => _server = await AddServerAsync("standalone");

    /// <inheritdoc />
    public override Task<IReadOnlyList<int>> MasterPortsAsync() => Task.FromResult<IReadOnlyList<int>>([Server.Port]);
}
