using System.Diagnostics;
using K8sRelay.Testing;
using K8sRelay.Testing.Processes;

namespace K8sRelay.Server.Tests.Operations;

/// <summary>
/// <c>dotnet publish</c> of the server and the operator, as the Dockerfiles run it, produces output that runs:
/// the published server starts, answers <c>/health</c> and <c>/ready</c>, and exits cleanly on SIGTERM; the
/// published operator writes its CRD. Each publish goes to its own folder with its own build artifacts.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PublishedOutputTests
{
    [Fact]
    public async Task PublishedServer_StartsAnswersHealthAndStopsOnSigterm()
    {
        using var work = new TemporaryFolder("server");
        var output = await PublishAsync("server/K8sRelay.Server/K8sRelay.Server.csproj", work);
        var dll = Path.Combine(output, "k8srelay.dll");
        Assert.True(File.Exists(dll), "no k8srelay.dll in the published output");

        var port = FreePorts.Next();
        var config = Path.Combine(work.Path, "config.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "http_server": { "address": "127.0.0.1", "port": {{port}} },
              "http_api": { "key": "published-test-key" },
              "prometheus": { "enabled": true },
              "log": { "format": "json" },
              "shutdown": { "drain_grace": "0s", "drain_period": "1s" }
            }
            """, TestContext.Current.CancellationToken);

        await using var server = ExternalProcess.Start("dotnet", [dll, "--config", config], work.Path, Path.Combine(work.Path, "server.log"));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntil.TrueAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync("/health", TestContext.Current.CancellationToken);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return !server.IsRunning ? throw new InvalidOperationException("the published server exited:\n" + Log(work)) : false;
            }
        }, "the published server's /health");

        using (var ready = await http.GetAsync("/ready", TestContext.Current.CancellationToken))
        {
            Assert.True(ready.IsSuccessStatusCode, await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var metrics = await http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Contains("centrifugo_node_num_clients", metrics, StringComparison.Ordinal);

        await server.StopAsync();
        Assert.False(server.IsRunning);
        var log = Log(work);
        Assert.Contains("\"EventId\":1003", log, StringComparison.Ordinal);
        Assert.Contains("\"EventId\":1004", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishedOperator_GeneratesItsCrd()
    {
        using var work = new TemporaryFolder("operator");
        var output = await PublishAsync("operator/K8sRelay.Operator/K8sRelay.Operator.csproj", work);
        var dll = Path.Combine(output, "k8srelay-operator.dll");
        Assert.True(File.Exists(dll), "no k8srelay-operator.dll in the published output");
        var crds = Path.Combine(work.Path, "crds");

        var (exitCode, text) = await RunAsync("dotnet", [dll, "generate-crds", crds], work.Path);

        Assert.True(exitCode == 0, text);
        var file = Assert.Single(Directory.GetFiles(crds, "*.yaml"));
        Assert.Contains("kind: CustomResourceDefinition", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static async Task<string> PublishAsync(string project, TemporaryFolder work)
    {
        var output = Path.Combine(work.Path, "publish");
        var (exitCode, text) = await RunAsync(
            "dotnet",
            ["publish", RepositoryPaths.Combine(project), "-c", "Release", "-o", output, "--artifacts-path", Path.Combine(work.Path, "artifacts"), "-p:UseAppHost=false", "-nologo", "-v", "q"],
            RepositoryPaths.Root);
        Assert.True(exitCode == 0, $"dotnet publish {project} failed:\n{text}");
        return output;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, string directory)
    {
        var info = new ProcessStartInfo(ExternalProcess.RequireBinary(file))
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Log(TemporaryFolder work)
    {
        var path = Path.Combine(work.Path, "server.log");
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }
}
