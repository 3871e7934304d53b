using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>
/// Stand-ins for kube-controller-manager and kubelet: Deployments get pods of the current template (old ones are
/// replaced at once; on scale-down the lowest pod-deletion-cost goes first, then the newest), StatefulSets get
/// ordinal pods, and every pod is Running and Ready. Statuses follow. They write straight into the store.
/// </summary>
public sealed class FakeControllers(FakeStore store)
{
    private const string CostAnnotation = "controller.kubernetes.io/pod-deletion-cost";
    private readonly SemaphoreSlim _signal = new(0);
    private readonly List<string> _deletedPods = [];
    private Task _loop = Task.CompletedTask;
    private long _podCounter;

    /// <summary>Names of pods removed by scale-downs and rollouts, in order.</summary>
    public IReadOnlyList<string> DeletedPods
    {
        get
        {
            lock (_deletedPods)
            {
                return [.. _deletedPods];
            }
        }
    }

    /// <summary>Starts reacting to store changes.</summary>
    public void Start(CancellationToken stopping)
    {
        store.Changed += () => _signal.Release();
        _loop = Task.Run(async () =>
        {
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    await _signal.WaitAsync(stopping);
                    while (_signal.CurrentCount > 0)
                    {
                        await _signal.WaitAsync(stopping);
                    }

                    RunOnce();
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (FakeApiException)
                {
                    _signal.Release();
                }
            }
        }, CancellationToken.None);
    }

    /// <summary>Waits for the loop to end.</summary>
    public Task StopAsync() => _loop;

    private void RunOnce()
    {
        foreach (var deployment in store.List(FakeKinds.Deployment, null, null).Items)
        {
            SyncDeployment(deployment);
        }

        foreach (var set in store.List(FakeKinds.StatefulSet, null, null).Items)
        {
            SyncStatefulSet(set);
        }
    }

    private void SyncDeployment(JsonObject deployment)
    {
        var (ns, name, uid) = Identity(deployment);
        var template = deployment["spec"]!["template"]!.AsObject();
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(template.ToJsonString())))[..8].ToLowerInvariant();
        var desired = deployment["spec"]?["replicas"]?.ToInt() ?? 1;
        var pods = OwnedPods(ns, uid);
        foreach (var old in pods.Where(p => Label(p, "pod-template-hash") != hash))
        {
            DeletePod(ns, old);
        }

        var current = pods.Where(p => Label(p, "pod-template-hash") == hash).ToList();
        for (var i = current.Count; i < desired; i++)
        {
            var podName = $"{name}-{hash[..5]}-{Interlocked.Increment(ref _podCounter):D5}";
            CreatePod(ns, podName, template, deployment, new Dictionary<string, string> { ["pod-template-hash"] = hash });
        }

        foreach (var victim in current
            .OrderBy(p => long.Parse(p["metadata"]?["annotations"]?[CostAnnotation]?.GetValue<string>() ?? "0", CultureInfo.InvariantCulture))
            .ThenByDescending(p => p["metadata"]!["name"]!.GetValue<string>(), StringComparer.Ordinal)
            .Take(Math.Max(0, current.Count - desired)).ToList())
        {
            DeletePod(ns, victim);
        }

        var count = OwnedPods(ns, uid).Count;
        var generation = deployment["metadata"]!["generation"]!.ToLong();
        SetStatus(FakeKinds.Deployment, ns, name, new JsonObject
        {
            ["observedGeneration"] = generation,
            ["replicas"] = count,
            ["readyReplicas"] = count,
            ["updatedReplicas"] = count,
            ["availableReplicas"] = count,
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Available", ["status"] = "True", ["reason"] = "MinimumReplicasAvailable" }),
        });
    }

    private void SyncStatefulSet(JsonObject set)
    {
        var (ns, name, uid) = Identity(set);
        var desired = set["spec"]?["replicas"]?.ToInt() ?? 1;
        var template = set["spec"]!["template"]!.AsObject();
        var existing = OwnedPods(ns, uid).Select(p => p["metadata"]!["name"]!.GetValue<string>()).ToHashSet();
        for (var i = 0; i < desired; i++)
        {
            if (!existing.Contains($"{name}-{i}"))
            {
                CreatePod(ns, $"{name}-{i}", template, set, []);
            }
        }

        foreach (var extra in OwnedPods(ns, uid).Where(p => int.Parse(p["metadata"]!["name"]!.GetValue<string>().Split('-')[^1], CultureInfo.InvariantCulture) >= desired))
        {
            DeletePod(ns, extra);
        }

        var count = OwnedPods(ns, uid).Count;
        SetStatus(FakeKinds.StatefulSet, ns, name, new JsonObject
        {
            ["observedGeneration"] = set["metadata"]!["generation"]!.ToLong(),
            ["replicas"] = count,
            ["readyReplicas"] = count,
            ["currentReplicas"] = count,
            ["updatedReplicas"] = count,
        });
    }

    private List<JsonObject> OwnedPods(string ns, string uid) =>
        [.. store.List(FakeKinds.Pod, ns, null).Items.Where(p => (p["metadata"]?["ownerReferences"] as JsonArray)?.Any(r => r!["uid"]!.GetValue<string>() == uid) == true)];

    private void CreatePod(string ns, string name, JsonObject template, JsonObject owner, Dictionary<string, string> extraLabels)
    {
        var metadata = template["metadata"]?.DeepClone().AsObject() ?? [];
        var labels = metadata["labels"] as JsonObject ?? [];
        foreach (var (key, value) in extraLabels)
        {
            labels[key] = value;
        }

        metadata["labels"] = labels;
        metadata["name"] = name;
        metadata["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = owner["apiVersion"]!.DeepClone(),
            ["kind"] = owner["kind"]!.DeepClone(),
            ["name"] = owner["metadata"]!["name"]!.DeepClone(),
            ["uid"] = owner["metadata"]!["uid"]!.DeepClone(),
            ["controller"] = true,
        });
        store.Create(FakeKinds.Pod, ns, new JsonObject { ["metadata"] = metadata, ["spec"] = template["spec"]!.DeepClone() });
        SetStatus(FakeKinds.Pod, ns, name, new JsonObject
        {
            ["phase"] = "Running",
            ["podIP"] = "127.0.0.1",
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
        });
    }

    private void DeletePod(string ns, JsonObject pod)
    {
        var name = pod["metadata"]!["name"]!.GetValue<string>();
        lock (_deletedPods)
        {
            _deletedPods.Add(name);
        }

        store.Delete(FakeKinds.Pod, ns, name);
    }

    private void SetStatus(FakeKind kind, string ns, string name, JsonObject status) =>
        store.Update(kind, ns, name, live =>
        {
            live["status"] = status;
            return live;
        }, "status");

    private static (string Ns, string Name, string Uid) Identity(JsonObject obj) =>
        (obj["metadata"]!["namespace"]!.GetValue<string>(), obj["metadata"]!["name"]!.GetValue<string>(), obj["metadata"]!["uid"]!.GetValue<string>());

    private static string? Label(JsonObject obj, string key) => obj["metadata"]?["labels"]?[key]?.GetValue<string>();
}
