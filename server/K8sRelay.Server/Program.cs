using K8sRelay.Server.Hosting;

return await ServerProgram.RunAsync(args).ConfigureAwait(false);
