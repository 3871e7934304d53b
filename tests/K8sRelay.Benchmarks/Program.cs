using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(K8sRelay.Benchmarks.Codecs.CodecBenchmarks).Assembly).Run(args);
