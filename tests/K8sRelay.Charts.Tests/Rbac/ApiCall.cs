namespace K8sRelay.Charts.Tests.Rbac;

/// <summary>A Kubernetes API call found in the operator's source.</summary>
/// <param name="Name">"Api.Method" without WithHttpMessages/Async (for example "CoreV1.ReadNamespacedSecret"), or a library name such as "LeaseLock".</param>
/// <param name="Verbs">The RBAC verbs the call needs.</param>
/// <param name="Resource">The (group, resource) a typed call is bound to; null for calls that take the kind as an argument.</param>
/// <param name="Location">File and line, for messages.</param>
public sealed record ApiCall(string Name, IReadOnlyList<string> Verbs, (string Group, string Resource)? Resource, string Location);
