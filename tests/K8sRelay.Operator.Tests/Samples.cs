using System.Text.Json.Nodes;
using k8s;
using K8sRelay.Operator.Entities;
using YamlDotNet.RepresentationModel;

namespace K8sRelay.Operator.Tests;

/// <summary>The RealtimeCluster samples under crds/samples, as JSON and as entities.</summary>
public static class Samples
{
    /// <summary>File names of the samples without extension.</summary>
    public static readonly string[] Names = ["realtimecluster-minimal", "realtimecluster-redis-autoscaling", "realtimecluster-external-redis"];

    /// <summary>A sample as JSON.</summary>
    public static JsonObject Json(string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Crds, "samples", name + ".yaml"))));
        return ToJson(stream.Documents[0].RootNode)!.AsObject();
    }

    /// <summary>A sample as an entity, placed in namespace "demo" with a fixed UID.</summary>
    public static V1Alpha1RealtimeCluster Cluster(string name)
    {
        var cluster = KubernetesJson.Deserialize<V1Alpha1RealtimeCluster>(Json(name).ToJsonString());
        cluster.Metadata.NamespaceProperty = "demo";
        cluster.Metadata.Uid = "00000000-0000-0000-0000-000000000001";
        cluster.Metadata.Generation = 1;
        return cluster;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, ToJson(p.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar when long.TryParse(scalar.Value, out var number) => JsonValue.Create(number),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } scalar => JsonValue.Create(scalar.Value == "true"),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };
}
