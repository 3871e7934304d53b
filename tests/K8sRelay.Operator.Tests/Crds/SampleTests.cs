using K8sRelay.Operator.Controllers;
using K8sRelay.Operator.Tests.Fake;

namespace K8sRelay.Operator.Tests.Crds;

public sealed class SampleTests
{
    public static TheoryData<string> SampleNames => [.. Samples.Names];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_PassesTheCrdSchema(string name)
    {
        var errors = new List<string>();
        var json = Samples.Json(name);

        SchemaRules.DefaultAndPrune(FakeKinds.RealtimeCluster.Schema!, json, errors, "");

        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_PassesTheOperatorValidation(string name)
    {
        Assert.Empty(RealtimeClusterValidator.Validate(Samples.Cluster(name).Spec));
        Assert.Empty(K8sRelay.Operator.ServerConfig.ServerConfigRenderer.Render(Samples.Cluster(name)).Errors);
    }
}
