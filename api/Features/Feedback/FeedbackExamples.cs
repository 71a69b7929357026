using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Features.Measures;
using Trygghet.Api.Features.Observations;
using Trygghet.Api.Infrastructure;
using static Trygghet.Api.Infrastructure.ExampleValues;

namespace Trygghet.Api.Features.Feedback;

/// <summary>The contract's example of the feedback (återkoppling) after the walk in Fruängen.</summary>
public sealed class FeedbackExamples : IContractExamples
{
    public IEnumerable<object> Examples =>
    [
        new EventFeedback(WalkId, EventKind.Walk, WalkSlug, "Trygghetsvandring i Fruängen", WalkStart,
            new AreaRef("fruangen", "Fruängen", AreaKind.Neighbourhood), WalkStart.AddDays(2),
            "Vi gick från Fruängstorget via gångtunneln till Västertorpsskolan. Deltagarna stannade vid sex platser.",
            "Mörk gångtunnel; skymd sikt längs gångvägen mot Västertorp; nedskräpning vid återvinningsstationen.",
            "Trafikkontoret byter belysning i tunneln. Park- och naturenheten röjer buskagen i maj. Ny vandring i oktober.",
            23, 0, [ObservationExamples.Observation], [MeasureExamples.Measure], []),
    ];
}
