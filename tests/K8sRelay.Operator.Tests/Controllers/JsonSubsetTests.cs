using System.Text.Json.Nodes;
using K8sRelay.Operator.Controllers;

namespace K8sRelay.Operator.Tests.Controllers;

public sealed class JsonSubsetTests
{
    [Fact]
    public void FieldsAddedByTheServer_DoNotCountAsDifferences()
    {
        var desired = JsonNode.Parse("""{"spec":{"ports":[{"port":80}],"type":"ClusterIP"}}""");
        var live = JsonNode.Parse("""{"spec":{"ports":[{"port":80,"protocol":"TCP"}],"type":"ClusterIP","clusterIP":"10.0.0.1"},"status":{}}""");

        Assert.True(JsonSubset.IsContainedIn(desired, live));
    }

    [Theory]
    [InlineData("""{"spec":{"type":"ClusterIP"}}""", """{"spec":{"type":"NodePort"}}""")]
    [InlineData("""{"spec":{"ports":[{"port":80}]}}""", """{"spec":{"ports":[{"port":80},{"port":81}]}}""")]
    [InlineData("""{"metadata":{"labels":{"a":"1"}}}""", """{"metadata":{}}""")]
    public void ChangedOrMissingDesiredValues_AreDifferences(string desired, string live)
    {
        Assert.False(JsonSubset.IsContainedIn(JsonNode.Parse(desired), JsonNode.Parse(live)));
    }
}
