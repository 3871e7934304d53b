using K8sRelay.Core.Engines;

namespace K8sRelay.Testing.Engines;

/// <summary>One <see cref="IBrokerEventHandler.HandlePublicationAsync"/> call as a test saw it.</summary>
public sealed record RecordedPublication(string Channel, Publication Publication, StreamPosition Position, bool UseDelta, Publication? Previous)
{
    /// <summary>The payload as UTF-8 text.</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Publication.Data);
}
