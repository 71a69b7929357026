using System.Text.Json;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

/// <summary>Real police events of Hägersten-Älvsjö (2023–2026) for the demo, imported as staff would (idempotent).</summary>
public sealed class DemoPoliceEventsTask(IServiceProvider services) : IStartupTask
{
    public int Order => 30;

    public bool DemoOnly => true;

    public async Task RunAsync(CancellationToken ct)
    {
        var assembly = typeof(DemoPoliceEventsTask).Assembly;
        await using var stream = assembly.GetManifestResourceStream(
            assembly.GetManifestResourceNames().Single(n => n.EndsWith("hagersten-alvsjo-mentions-2023-2026.json", StringComparison.Ordinal)))!;
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ImportPoliceEventsCommand(document.RootElement.Clone()), ct);
    }
}
