using K8sRelay.LoadGenerator;

// Usage:
//   k8srelay-loadgen idle --url ws://127.0.0.1:8000/connection/websocket --connections 10000 --hold 30 [--token T] [--channel C]
//   k8srelay-loadgen bare-server --port 8100
return args.FirstOrDefault() switch
{
    "idle" => await IdleClients.RunAsync(Arguments.Parse(args[1..])),
    "bare-server" => await BareWebSocketServer.RunAsync(Arguments.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: k8srelay-loadgen idle --url URL --connections N --hold SECONDS [--token T] [--channel C] | bare-server --port P");
    return 2;
}
