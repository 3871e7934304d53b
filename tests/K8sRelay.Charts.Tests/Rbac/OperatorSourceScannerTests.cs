namespace K8sRelay.Charts.Tests.Rbac;

/// <summary>The scan behind the RBAC tests classifies calls it knows and reports the ones it does not.</summary>
public sealed class OperatorSourceScannerTests
{
    private static (IReadOnlyList<ApiCall> Calls, IReadOnlyList<string> Unrecognized) ScanSource(string code)
    {
        var folder = Directory.CreateTempSubdirectory("k8srelay-scan-").FullName;
        File.WriteAllText(Path.Combine(folder, "Sample.cs"), code);
        try
        {
            return OperatorSourceScanner.Scan(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TypedCalls_GetTheirVerbAndResourceFromTheMethodName()
    {
        var (calls, unrecognized) = ScanSource("""
            await client.CoreV1.CreateNamespacedEventAsync(e, ns);
            await client.AppsV1.ReplaceNamespacedDeploymentScaleWithHttpMessagesAsync(s, name, ns);
            await client.PolicyV1.DeleteNamespacedPodDisruptionBudgetAsync(name, ns);
            await client.CoordinationV1.ListNamespacedLeaseAsync(ns, watch: true);
            """);

        Assert.Empty(unrecognized);
        Assert.Contains(calls, c => c.Name == "CoreV1.CreateNamespacedEvent" && c.Verbs.SequenceEqual(["create"]) && c.Resource == ("", "events"));
        Assert.Contains(calls, c => c.Name == "AppsV1.ReplaceNamespacedDeploymentScale" && c.Verbs.SequenceEqual(["update"]) && c.Resource == ("apps", "deployments/scale"));
        Assert.Contains(calls, c => c.Name == "PolicyV1.DeleteNamespacedPodDisruptionBudget" && c.Resource == ("policy", "poddisruptionbudgets"));
        Assert.Contains(calls, c => c.Name == "CoordinationV1.ListNamespacedLease" && c.Verbs.SequenceEqual(["list", "watch"]) && c.Resource == ("coordination.k8s.io", "leases"));
    }

    [Fact]
    public void GenericCallsLocksAndOwnerReferences_AreFound()
    {
        var (calls, unrecognized) = ScanSource("""
            await client.CustomObjects.DeleteNamespacedCustomObjectWithHttpMessagesAsync(g, v, ns, plural, name);
            var config = new LeaderElectionConfig(new LeaseLock(client, ns, name, id));
            var owner = new V1OwnerReference { Controller = true, BlockOwnerDeletion = true };
            // client.CoreV1.DeleteNamespacedSecretAsync(name, ns) in a comment is not a call
            """);

        Assert.Empty(unrecognized);
        Assert.Equal(["CustomObjects.DeleteNamespacedCustomObject", "LeaseLock", "BlockOwnerDeletion"], calls.Select(c => c.Name));
        Assert.Null(calls[0].Resource);
        Assert.Equal(["delete"], calls[0].Verbs);
    }

    [Fact]
    public void UnknownCallShapes_AreReported()
    {
        var (_, unrecognized) = ScanSource("""
            await kubernetes.ListNamespacedPodAsync(ns);
            var lockObject = new MultiLock(first, second);
            await client.CoreV1.ConnectGetNamespacedPodExecAsync(name, ns);
            """);

        Assert.Equal(3, unrecognized.Count);
    }
}
