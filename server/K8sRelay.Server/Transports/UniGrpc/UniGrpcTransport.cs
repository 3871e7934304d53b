using Grpc.Core;
using K8sRelay.Core.Transports;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Server.Transports.Http;

namespace K8sRelay.Server.Transports.UniGrpc;

/// <summary>
/// The unidirectional GRPC transport: every queued message is a length-prefixed Protobuf push; the
/// prefix is dropped and the rest goes out as one stream message. A close writes a
/// <c>disconnect</c> push and completes <see cref="Completion"/>, which ends the call.
/// </summary>
internal sealed class UniGrpcTransport : ITransport, IDisposable
{
    private static readonly TimeSpan CloseWriteTimeout = TimeSpan.FromSeconds(1);

    private readonly IServerStreamWriter<UniStreamFrame> _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closed;

    public UniGrpcTransport(IServerStreamWriter<UniStreamFrame> writer) => _writer = writer;

    /// <inheritdoc />
    public string Name => "uni_grpc";

    /// <inheritdoc />
    public ProtocolType Protocol => ProtocolType.Protobuf;

    /// <inheritdoc />
    public bool Unidirectional => true;

    /// <inheritdoc />
    public bool Emulation => false;

    /// <summary>Completes when the server closed the transport.</summary>
    public Task Completion => _completion.Task;

    /// <inheritdoc />
    public async ValueTask WriteAsync(IReadOnlyList<byte[]> messages, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var message in messages)
            {
                await _writer.WriteAsync(new UniStreamFrame(WithoutLengthPrefix(message)), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask CloseAsync(DisconnectReason disconnect)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        try
        {
            if (disconnect != DisconnectReason.ConnectionClosed && await _writeLock.WaitAsync(CloseWriteTimeout).ConfigureAwait(false))
            {
                try
                {
                    using var timeout = new CancellationTokenSource(CloseWriteTimeout);
                    var push = ClientCodecs.Protobuf.EncodePush(UnidirectionalFailures.DisconnectPush(disconnect));
                    await _writer.WriteAsync(new UniStreamFrame(WithoutLengthPrefix(push)), timeout.Token).ConfigureAwait(false);
                }
                finally
                {
                    _writeLock.Release();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The call is already over.
        }
        finally
        {
            _completion.TrySetResult();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writeLock.Dispose();

    /// <summary>Skips the varint length prefix the client protocol puts before each message.</summary>
    internal static ReadOnlyMemory<byte> WithoutLengthPrefix(byte[] message)
    {
        var position = 0;
        while (position < message.Length && (message[position] & 0x80) != 0)
        {
            position++;
        }

        return message.AsMemory(Math.Min(position + 1, message.Length));
    }
}
