using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace K8sRelay.Engines.Redis.Bench;

/// <summary>Reads Redis's own counters (INFO) so each run can report Redis CPU and commands per publication.</summary>
internal readonly record struct RedisStats(double CpuSeconds, long Commands)
{
    public static async Task<RedisStats> ReadAsync(string host, int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port);
        var stream = client.GetStream();
        await stream.WriteAsync("*1\r\n$4\r\nINFO\r\n"u8.ToArray());
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var header = await reader.ReadLineAsync() ?? string.Empty;
        var length = int.Parse(header.AsSpan(1), CultureInfo.InvariantCulture);
        var buffer = new char[length];
        var read = 0;
        while (read < length)
        {
            read += await reader.ReadAsync(buffer.AsMemory(read));
        }

        var fields = new string(buffer).Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        return new RedisStats(
            double.Parse(fields["used_cpu_user"], CultureInfo.InvariantCulture) + double.Parse(fields["used_cpu_sys"], CultureInfo.InvariantCulture),
            long.Parse(fields["total_commands_processed"], CultureInfo.InvariantCulture));
    }
}
