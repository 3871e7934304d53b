namespace K8sRelay.Server.Tests.Transports;

/// <summary>A clock two hours behind, for issuing tokens that have already expired.</summary>
internal sealed class PastTimeProvider : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddHours(-2);
}
