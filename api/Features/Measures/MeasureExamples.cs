using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Features.Observations;
using Trygghet.Api.Infrastructure;
using static Trygghet.Api.Infrastructure.ExampleValues;

namespace Trygghet.Api.Features.Measures;

/// <summary>The contract's example of a measure taken after the dialogue and walk in Fruängen.</summary>
public sealed class MeasureExamples : IContractExamples
{
    private static readonly Guid TrafficOfficeId = Guid.Parse("2f6d8a4c-7e1b-4c3d-9a5f-8b0e6d2c4a17");

    public static readonly MeasureInput Input = new("Ny belysning i gångtunneln under Fruängsgången",
        "Trafikkontoret byter alla armaturer i tunneln mot LED och lägger till belysning vid båda uppgångarna.", "fruangen", MeasureStatus.InProgress,
        TrafficOfficeId, new DateOnly(2027, 5, 17), null, [ObservationId], [DialogueId, WalkId]);

    public static readonly Measure Measure = new(Guid.Parse("6e1c3a5b-9d7f-4b2e-8a4c-1f3e5d7b9a02"), Input.Title, Input.Description,
        new AreaRef("fruangen", "Fruängen", AreaKind.Neighbourhood), "Trafikkontoret, Stockholms stad", TrafficOfficeId, MeasureStatus.InProgress,
        Input.StartsOn, null,
        [new(ObservationId, 128, ObservationCategory.Lighting, "Två av tre lampor i gångtunneln under Fruängsgången är trasiga.", ObservationStatus.InProgress)],
        [
            new(DialogueId, EventKind.Dialogue, DialogueSlug, "Trygghetsdialog i Fruängen", DialogueStart),
            new(WalkId, EventKind.Walk, WalkSlug, "Trygghetsvandring i Fruängen", WalkStart),
        ],
        3, new DateTimeOffset(2027, 4, 20, 13, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2027, 5, 17, 8, 30, 0, TimeSpan.FromHours(2)));

    public IEnumerable<object> Examples => [Input, Measure, new Page<Measure>([Measure], null)];
}
