namespace K8sRelay.Protocol.Codecs;

/// <summary>
/// The decoded body of a <c>POST /emulation</c> request: which session on which node the commands are
/// for, and the command frame itself.
/// </summary>
/// <param name="Session">The emulation session id from the connect reply; empty when absent.</param>
/// <param name="Node">The id of the node holding the session; empty when absent.</param>
/// <param name="Data">
/// The command frame, in the request's protocol, ready for <see cref="IClientCodec.DecodeCommands"/>.
/// Empty when <paramref name="HasData"/> is false.
/// </param>
/// <param name="HasData">
/// False when a JSON body has no <c>data</c> member or its value is not a JSON string. Centrifugo drops
/// such a request silently (it still answers 204), so the caller should not treat it as a bad request.
/// Always true for Protobuf bodies.
/// </param>
public readonly record struct EmulationRequestBody(string Session, string Node, ReadOnlyMemory<byte> Data, bool HasData);
