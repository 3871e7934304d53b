using System.Diagnostics;
using K8sRelay.Testing.Processes;

namespace K8sRelay.Engines.Redis.Tests.Infrastructure;

/// <summary>
/// A three-master Redis Cluster (no replicas) created with <c>redis-cli --cluster create</c>, addressed as
/// <c>redis+cluster://127.0.0.1:P1?addr=127.0.0.1:P2</c>.
/// </summary>
public sealed class ClusterRedisFixture : RedisTopologyFixture
{
    /// <inheritdoc />
    public override IReadOnlyList<string> Addresses => [$"redis+cluster://{Servers[0].Address}?addr={Servers[1].Address}"];

    /// <inheritdoc />
    public override async ValueTask InitializeAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            var port = FreePorts.Next(alsoFreeAtPlus10000: true);
            await AddServerAsync($"node-{i}", port, "--cluster-enabled", "yes", "--cluster-config-file", $"nodes-{port}.conf", "--cluster-node-timeout", "2000");
        }

        var create = new ProcessStartInfo(ExternalProcess.RequireBinary("redis-cli"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        create.ArgumentList.Add("--cluster");
        create.ArgumentList.Add("create");
        foreach (var server in Servers)
        {
            create.ArgumentList.Add(server.Address);
        }

        create.ArgumentList.Add("--cluster-replicas");
        create.ArgumentList.Add("0");
        create.ArgumentList.Add("--cluster-yes");
        using (var process = Process.Start(create) ?? throw new InvalidOperationException("Could not start redis-cli."))
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"redis-cli --cluster create failed ({process.ExitCode}): {output} {errors}");
            }
        }

        foreach (var server in Servers)
        {
            await WaitUntil.TrueAsync(async () => (await server.CommandAsync("CLUSTER", "INFO")).Contains("cluster_state:ok", StringComparison.Ordinal), $"cluster state ok on {server.Address}");
        }
    }

    /// <inheritdoc />
    public override Task<IReadOnlyList<int>> MasterPortsAsync() => Task.FromResult<IReadOnlyList<int>>(Servers.Select(s => s.Port).ToList());
}
