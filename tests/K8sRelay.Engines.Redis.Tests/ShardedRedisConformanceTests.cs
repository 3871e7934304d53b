using K8sRelay.Engines.Redis.Tests.Infrastructure;

namespace K8sRelay.Engines.Redis.Tests;

/// <summary>The conformance suite on two standalone servers used as client-side shards.</summary>
public sealed class ShardedRedisConformanceTests(ShardedRedisFixture fixture) : RedisEngineConformanceTests<ShardedRedisFixture>(fixture);
