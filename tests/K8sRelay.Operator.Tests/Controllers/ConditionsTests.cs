using k8s.Models;
using K8sRelay.Operator.Status;

namespace K8sRelay.Operator.Tests.Controllers;

public sealed class ConditionsTests
{
    [Fact]
    public void TransitionTime_ChangesOnlyWhenStatusFlips()
    {
        var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var conditions = new List<V1Condition>();

        Conditions.Set(conditions, ConditionTypes.Ready, false, "RollingOut", "0 of 1", 1, t0);
        Conditions.Set(conditions, ConditionTypes.Ready, false, "RollingOut", "0 of 2", 2, t0.AddMinutes(1));
        Assert.Equal(t0, conditions.Single().LastTransitionTime);
        Assert.Equal(2, conditions.Single().ObservedGeneration);

        Conditions.Set(conditions, ConditionTypes.Ready, true, "AllReplicasReady", "", 2, t0.AddMinutes(2));
        Assert.Equal(t0.AddMinutes(2), conditions.Single().LastTransitionTime);
        Assert.True(Conditions.Get(conditions, ConditionTypes.Ready));
    }
}
