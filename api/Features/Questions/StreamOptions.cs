namespace Trygghet.Api.Features.Questions;

/// <summary>Settings of the live stream.</summary>
public sealed class StreamOptions
{
    /// <summary>Seconds between heartbeat comments on an idle stream (proxies close silent connections).</summary>
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>Changes a subscriber may have unwritten before it is dropped (it reconnects and resumes with Last-Event-ID).</summary>
    public int SubscriberBuffer { get; set; } = 512;
}
