using System.Buffers;
using K8sRelay.Core.Transports;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Server.Transports.Http;

/// <summary>
/// A transport that writes to a long-lived HTTP response: HTTP-streaming and SSE emulation, and the
/// unidirectional HTTP-stream and SSE transports. Nothing is written before <see cref="OpenAsync"/>, so a
/// handler can still answer with an HTTP error after a failed connect. A close writes a
/// <c>disconnect</c> push (bare on unidirectional transports) and completes <see cref="Completion"/>,
/// which ends the handler and so the response.
/// </summary>
internal sealed class HttpStreamingTransport : ITransport, IDisposable
{
    private static readonly byte[] EventPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventSuffix = "\n\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\n"u8.ToArray();
    private static readonly TimeSpan CloseWriteTimeout = TimeSpan.FromSeconds(1);

    private readonly HttpResponse _response;
    private readonly StreamFraming _framing;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TaskCompletionSource<bool> _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closed;
    private volatile bool _isOpen;

    public HttpStreamingTransport(HttpResponse response, string name, ProtocolType protocol, StreamFraming framing, bool unidirectional, bool emulation)
    {
        _response = response;
        Name = name;
        Protocol = protocol;
        _framing = framing;
        Unidirectional = unidirectional;
        Emulation = emulation;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public ProtocolType Protocol { get; }

    /// <inheritdoc />
    public bool Unidirectional { get; }

    /// <inheritdoc />
    public bool Emulation { get; }

    /// <summary>Completes when the transport was closed by the server.</summary>
    public Task Completion => _completion.Task;

    /// <summary>
    /// Lets messages through to the response (the handler has set the status and headers). The
    /// optional <paramref name="preamble"/> (SSE: <c>\r\n</c>) is written first and the response started.
    /// </summary>
    public async Task OpenAsync(ReadOnlyMemory<byte> preamble, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (preamble.Length > 0)
            {
                await _response.Body.WriteAsync(preamble, cancellationToken).ConfigureAwait(false);
            }

            await _response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }

        _isOpen = true;
        _opened.TrySetResult(true);
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(IReadOnlyList<byte[]> messages, CancellationToken cancellationToken)
    {
        if (!await _opened.Task.WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteFramedAsync(messages, cancellationToken).ConfigureAwait(false);
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
            if (_isOpen && disconnect != DisconnectReason.ConnectionClosed)
            {
                await WriteDisconnectAsync(disconnect).ConfigureAwait(false);
            }
        }
        finally
        {
            _opened.TrySetResult(false);
            _completion.TrySetResult();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writeLock.Dispose();

    private async Task WriteDisconnectAsync(DisconnectReason disconnect)
    {
        var push = new Push { Disconnect = new Disconnect { Code = disconnect.Code, Reason = disconnect.Reason } };
        var codec = ClientCodecs.For(Protocol);
        var message = Unidirectional ? codec.EncodePush(push) : codec.EncodeReply(new Reply { Push = push });
        using var timeout = new CancellationTokenSource(CloseWriteTimeout);
        try
        {
            if (!await _writeLock.WaitAsync(CloseWriteTimeout).ConfigureAwait(false))
            {
                return;
            }

            try
            {
                await WriteFramedAsync([message], timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client is gone or too slow; the response ends anyway.
        }
    }

    private async Task WriteFramedAsync(IReadOnlyList<byte[]> messages, CancellationToken cancellationToken)
    {
        var writer = _response.BodyWriter;
        foreach (var message in messages)
        {
            switch (_framing)
            {
                case StreamFraming.JsonLines:
                    writer.Write(message);
                    writer.Write(LineEnd);
                    break;
                case StreamFraming.Protobuf:
                    writer.Write(message);
                    break;
                case StreamFraming.EventStream:
                    writer.Write(EventPrefix);
                    writer.Write(message);
                    writer.Write(EventSuffix);
                    break;
            }
        }

        var result = await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (result.IsCanceled || result.IsCompleted)
        {
            throw new IOException("the response stream is closed");
        }
    }
}
