using K8sRelay.Engines.Redis.Tests.Infrastructure;

namespace K8sRelay.Engines.Redis.Tests;

/// <summary>The conformance suite on a three-master Redis Cluster.</summary>
public sealed class ClusterRedisConformanceTests(ClusterRedisFixture fixture) : RedisEngineConformanceTests<ClusterRedisFixture>(fixture);
