using K8sRelay.Engines.Redis.Tests.Infrastructure;

namespace K8sRelay.Engines.Redis.Tests;

/// <summary>The conformance suite on one standalone redis-server.</summary>
public sealed class StandaloneRedisConformanceTests(StandaloneRedisFixture fixture) : RedisEngineConformanceTests<StandaloneRedisFixture>(fixture);
