using Trygghet.Api.Infrastructure;
using static Trygghet.Api.Infrastructure.ExampleValues;

namespace Trygghet.Api.Features.Actors;

/// <summary>The contract's examples of an organisation staff invite.</summary>
public sealed class ActorExamples : IContractExamples
{
    private static readonly ActorContact Contact = new("Kommunpolis Globen", "kommunpolis.globen@polisen.example", "010-123 45 67");
    private static readonly Actor Police = new(PoliceActorId, "Lokalpolisområde Globen", ActorKind.Police, Contact, 2);

    public IEnumerable<object> Examples =>
    [
        new ActorInput("Lokalpolisområde Globen", ActorKind.Police, Contact),
        Police,
        new Page<Actor>([Police], null),
    ];
}
