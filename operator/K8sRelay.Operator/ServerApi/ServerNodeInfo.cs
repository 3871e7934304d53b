namespace K8sRelay.Operator.ServerApi;

/// <summary>One node from the server's info call.</summary>
/// <param name="Name">Node name (the pod name, set from the downward API).</param>
/// <param name="Clients">Connected clients.</param>
/// <param name="Users">Distinct users.</param>
/// <param name="Subscriptions">Channel subscriptions.</param>
public sealed record ServerNodeInfo(string Name, long Clients, long Users, long Subscriptions);
