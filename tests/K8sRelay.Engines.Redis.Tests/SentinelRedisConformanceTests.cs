using K8sRelay.Engines.Redis.Tests.Infrastructure;

namespace K8sRelay.Engines.Redis.Tests;

/// <summary>The conformance suite on a master, a replica and a Sentinel, addressed through the Sentinel.</summary>
public sealed class SentinelRedisConformanceTests(SentinelRedisFixture fixture) : RedisEngineConformanceTests<SentinelRedisFixture>(fixture);
