using System.Text.Json;
using Trygghet.Api.Infrastructure;
using static Trygghet.Api.Infrastructure.ExampleValues;

namespace Trygghet.Api.Features.Audit;

/// <summary>The contract's example of the audit log: staff published the dialogue in Fruängen, overriding a check.</summary>
public sealed class AuditExamples : IContractExamples
{
    public IEnumerable<object> Examples =>
    [
        new Page<AuditEntry>(
        [
            new(48_213, Written, "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b", "staff", "event.publish", "event", DialogueId.ToString(),
                JsonDocument.Parse("""{"overrideReason":"Polisen har bekräftat per telefon; inbjudan skickas i dag."}""").RootElement.Clone()),
        ], "eyJzIjoiMjAyNy0wMi0wM1QwODoxNTowMFoiLCJpIjoiNDgyMTMifQ"),
    ];
}
