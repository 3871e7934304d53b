using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace K8sRelay.Operator.Tests.Scenarios;

public sealed class HealthAndMetricsTests
{
    [Fact]
    public async Task HealthReadinessAndMetrics_AreServed()
    {
        await using var scenario = await OperatorScenario.StartAsync();
        var app = await scenario.StartOperatorAsync();
        await scenario.CreateClusterAsync(Samples.Json("realtimecluster-minimal"));
        await scenario.WaitForReadyAsync("chat");
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(health.IsSuccessStatusCode);
        Assert.True(ready.IsSuccessStatusCode);
        Assert.Contains("realtime_operator_reconciliations_total{result=\"success\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("realtime_operator_workqueue_depth", metrics, StringComparison.Ordinal);
        Assert.Contains("realtime_operator_reconcile_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("realtime_operator_leader 1", metrics, StringComparison.Ordinal);
    }
}
