using System.Text.Json.Nodes;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>
/// Fields a real API server fills in, so that a naive desired-versus-live comparison would loop here as it would in
/// production.
/// </summary>
public static class ServerDefaults
{
    /// <summary>Applies defaults for the built-in kinds the operator writes.</summary>
    public static void Apply(FakeKind kind, JsonObject obj)
    {
        var spec = obj["spec"] as JsonObject;
        switch (kind.Kind)
        {
            case "Service" when spec is not null:
                spec["clusterIP"] ??= "10.96.0." + Random.Shared.Next(2, 250);
                spec["type"] ??= "ClusterIP";
                spec["sessionAffinity"] ??= "None";
                foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    port["protocol"] ??= "TCP";
                    port["targetPort"] ??= port["port"]?.DeepClone();
                }

                break;
            case "Deployment" when spec is not null:
                spec["progressDeadlineSeconds"] ??= 600;
                spec["revisionHistoryLimit"] ??= 10;
                spec["strategy"] ??= new JsonObject { ["type"] = "RollingUpdate" };
                PodSpec(spec["template"]?["spec"] as JsonObject);
                break;
            case "StatefulSet" when spec is not null:
                spec["revisionHistoryLimit"] ??= 10;
                spec["updateStrategy"] ??= new JsonObject { ["type"] = "RollingUpdate" };
                PodSpec(spec["template"]?["spec"] as JsonObject);
                break;
            case "Secret":
                obj["type"] ??= "Opaque";
                break;
        }
    }

    private static void PodSpec(JsonObject? pod)
    {
        if (pod is null)
        {
            return;
        }

        pod["restartPolicy"] ??= "Always";
        pod["dnsPolicy"] ??= "ClusterFirst";
        pod["schedulerName"] ??= "default-scheduler";
        pod["securityContext"] ??= new JsonObject();
        foreach (var container in (pod["containers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            container["terminationMessagePath"] ??= "/dev/termination-log";
            container["terminationMessagePolicy"] ??= "File";
            container["imagePullPolicy"] ??= "IfNotPresent";
        }
    }
}
