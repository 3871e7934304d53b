using System.Net;
using System.Net.Sockets;

namespace K8sRelay.Testing.Processes;

/// <summary>Finds free loopback ports.</summary>
public static class FreePorts
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Handed = [];

    /// <summary>
    /// A loopback port that is free now and was not handed out before in this process. With
    /// <paramref name="alsoFreeAtPlus10000"/>, port + 10000 is free too (Redis Cluster's bus port).
    /// </summary>
    public static int Next(bool alsoFreeAtPlus10000 = false)
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Probe(0);
                if (Handed.Contains(port) || (alsoFreeAtPlus10000 && (port > 55000 || Probe(port + 10000) == 0)))
                {
                    continue;
                }

                Handed.Add(port);
                return port;
            }
        }

        throw new InvalidOperationException("No free loopback port found.");
    }

    private static int Probe(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        catch (SocketException)
        {
            return 0;
        }
    }
}
