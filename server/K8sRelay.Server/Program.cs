using K8sRelay.Server.Cli;

return await CliApp.RunAsync(args).ConfigureAwait(false);
