using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;
using static Trygghet.Api.Infrastructure.ExampleValues;

namespace Trygghet.Api.Features.Observations;

/// <summary>The contract's examples of an observation from the walk in Fruängen and its follow-up.</summary>
public sealed class ObservationExamples : IContractExamples
{
    private const string Description = "Två av tre lampor i gångtunneln under Fruängsgången är trasiga. Det är helt mörkt mitt i tunneln.";
    private static readonly AreaRef Fruangen = new("fruangen", "Fruängen", AreaKind.Neighbourhood);
    private static readonly DateTimeOffset Reported = WalkStart.AddMinutes(35);
    private static readonly DateTimeOffset Assigned = new(2027, 4, 16, 10, 5, 0, TimeSpan.FromHours(2));

    private static readonly ObservationReview Review = new(Guid.Parse("0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"), 131, ObservationCategory.Litter,
        "Nedskräpning", Fruangen, WalkId, "Soporna vid porten på Fruängsgången 12 töms aldrig.", DescriptionStatus.Held,
        [new("description", Infrastructure.PersonalDataKind.StreetAddress, 24, 17)], null, "resident", Reported.AddMinutes(20), null, 59.2852, 17.9671,
        new ReviewPhoto(PhotoStatus.Held, "/api/v1/observations/0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f/photo?v=3f9a1c0b7d2e4a68",
            "/api/v1/observations/0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f/photo/thumbnail?v=3f9a1c0b7d2e4a68", 2048, 1536, null));

    private static readonly ObservationPhoto Photo = ObservationPhoto.For(ObservationId, "8e41c2d09b7a5f36", 1536, 2048);

    public static readonly Observation Observation = new(ObservationId, 128, ObservationCategory.Lighting, "Belysning", Description, false, 3,
        59.2849, 17.9662, Fruangen, WalkId, "Trafikkontoret, Stockholms stad", Guid.Parse("2f6d8a4c-7e1b-4c3d-9a5f-8b0e6d2c4a17"),
        new DateOnly(2027, 5, 31), false, ObservationStatus.Planned, "Armaturerna byts vecka 20.", null, Reported, Assigned,
        [
            new(Reported, ObservationStatus.Reported, null, null, null),
            new(Assigned, ObservationStatus.Planned, "Armaturerna byts vecka 20.", "Trafikkontoret, Stockholms stad", new DateOnly(2027, 5, 31)),
        ], Photo, false);

    public IEnumerable<object> Examples =>
    [
        new ObservationInput(ObservationCategory.Lighting, Description, 3, 59.2849, 17.9662, WalkId),
        new ParticipantObservationInput(ObservationCategory.Vegetation, "Buskarna längs gångvägen mot Västertorp skymmer sikten efter skymningen.", 2,
            59.2868, 17.9601),
        Observation,
        new Page<Observation>([Observation], null),
        new AssignRequest(Guid.Parse("2f6d8a4c-7e1b-4c3d-9a5f-8b0e6d2c4a17"), new DateOnly(2027, 5, 31)),
        new StatusChangeRequest(ObservationStatus.Planned, "Armaturerna byts vecka 20."),
        new DescriptionClearance(false),
        new DescriptionRedaction("Trasig belysning vid porten till ett av husen på Fruängsgången.", false),
        new CategoryInfo(ObservationCategory.Lighting, "Belysning", "Lighting", "Trasig, svag eller bländande belysning; mörka partier.", "lighting"),
        new Open311KeyRequest("Stockholms stads felanmälan"),
        new Open311Key(Guid.Parse("4b3a2c1d-0e9f-4a8b-b7c6-d5e4f3a2b1c0"), "Stockholms stads felanmälan", Assigned, null,
            "xT4mQ8vR2nL6pW0sY9kB3hJ7dF1gC5aE-u_Zo2Nq8Vb"),
        Review,
        Review.Photo!,
        Photo,
        new Page<ObservationReview>([Review], null),
        new Open311RequestForm("xT4mQ8vR2nL6pW0sY9kB3hJ7dF1gC5aE-u_Zo2Nq8Vb", "lighting", "59.2849", "17.9662", Description, "3"),
    ];
}
