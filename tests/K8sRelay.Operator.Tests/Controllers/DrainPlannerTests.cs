using K8sRelay.Operator.Controllers;
using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.Tests.Controllers;

public sealed class DrainPlannerTests
{
    private static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Pods = ["p-a", "p-b", "p-c", "p-d"];
    private static readonly Dictionary<string, long> Clients = new() { ["p-a"] = 50, ["p-b"] = 5, ["p-c"] = 20, ["p-d"] = 0 };

    [Fact]
    public void ScaleDown_PicksTheFewestConnections_AndHoldsReplicas()
    {
        var plan = DrainPlanner.Plan(2, 4, null, Pods, Clients, new ScaleDownSpec(), Now);

        Assert.Equal(4, plan.DeploymentReplicas);
        Assert.Equal(["p-d", "p-b"], plan.StartOn);
        Assert.Equal(2, plan.Drain!.TargetReplicas);
    }

    [Fact]
    public void DrainInProgress_WaitsWhileVictimsHaveClients_ThenScales()
    {
        var drain = new DrainStatus { TargetReplicas = 2, Pods = ["p-d", "p-b"], StartedAt = Now };

        var waiting = DrainPlanner.Plan(2, 4, drain, Pods, Clients, new ScaleDownSpec(), Now.AddSeconds(5));
        var drained = DrainPlanner.Plan(2, 4, drain, Pods, new Dictionary<string, long>(Clients) { ["p-b"] = 0 }, new ScaleDownSpec(), Now.AddSeconds(5));

        Assert.Equal(4, waiting.DeploymentReplicas);
        Assert.Empty(waiting.StartOn);
        Assert.Equal(2, drained.DeploymentReplicas);
        Assert.True(drained.Finished);
        Assert.Null(drained.Drain);
    }

    [Fact]
    public void DrainTimeout_ScalesEvenWithClientsLeft()
    {
        var drain = new DrainStatus { TargetReplicas = 2, Pods = ["p-d", "p-b"], StartedAt = Now };

        var plan = DrainPlanner.Plan(2, 4, drain, Pods, Clients, new ScaleDownSpec { DrainTimeoutSeconds = 60 }, Now.AddSeconds(60));

        Assert.Equal(2, plan.DeploymentReplicas);
    }

    [Fact]
    public void ScaleUp_OrDefaultPolicy_SetsReplicasDirectly()
    {
        var drain = new DrainStatus { TargetReplicas = 2, Pods = ["p-d"], StartedAt = Now };

        Assert.Equal(6, DrainPlanner.Plan(6, 4, drain, Pods, Clients, new ScaleDownSpec(), Now).DeploymentReplicas);
        Assert.Equal(2, DrainPlanner.Plan(2, 4, null, Pods, Clients, new ScaleDownSpec { Policy = ScaleDownPolicy.Default }, Now).DeploymentReplicas);
        Assert.Equal(3, DrainPlanner.Plan(3, null, null, [], Clients, new ScaleDownSpec(), Now).DeploymentReplicas);
    }

    [Fact]
    public void NewTarget_DuringADrain_PlansAgain()
    {
        var drain = new DrainStatus { TargetReplicas = 3, Pods = ["p-d"], StartedAt = Now };

        var plan = DrainPlanner.Plan(1, 4, drain, Pods, Clients, new ScaleDownSpec(), Now);

        Assert.Equal(["p-d", "p-b", "p-c"], plan.StartOn);
    }
}
