using FluentValidation;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Actors;

/// <summary>What kind of organisation an actor is.</summary>
public enum ActorKind { Police, Politician, Administration, PropertyOwner, PublicTransport, School, Association, Other }

/// <summary>Contact data of an actor: for staff only, never in a public response.</summary>
/// <param name="Name">Contact person.</param>
/// <param name="Email">E-mail address invitations are sent to.</param>
/// <param name="Phone">Telephone number.</param>
public sealed record ActorContact(string? Name = null, string? Email = null, string? Phone = null);

/// <summary>An organisation staff invite: police area, politicians, the administration, property owners, SL, schools, associations.</summary>
/// <param name="Organisation">Name of the organisation, e.g. <c>Lokalpolisområde Globen</c>.</param>
/// <param name="Kind">Kind of organisation.</param>
/// <param name="Contact">Contact data (staff only).</param>
public sealed record ActorInput(string Organisation, ActorKind Kind, ActorContact? Contact = null);

public sealed record Actor(Guid Id, string Organisation, ActorKind Kind, ActorContact Contact, int Version);

public sealed class ActorInputValidator : AbstractValidator<ActorInput>
{
    public ActorInputValidator()
    {
        RuleFor(a => a.Organisation).NotEmpty().MaximumLength(200);
        RuleFor(a => a.Kind).IsInEnum();
        RuleFor(a => a.Contact!.Name).MaximumLength(200).When(a => a.Contact is not null);
        RuleFor(a => a.Contact!.Email).MaximumLength(320).EmailAddress().When(a => a.Contact?.Email is not null);
        RuleFor(a => a.Contact!.Phone).MaximumLength(50).Matches(@"^\+?[0-9 ()-]{5,}$").When(a => a.Contact?.Phone is not null);
    }
}

internal sealed record ActorRow(Guid Id, string Organisation, string Kind, string? ContactName, string? ContactEmail, string? ContactPhone,
    int Version, DateTimeOffset CreatedAt)
{
    public const string Select = "select id, organisation, kind, contact_name, contact_email, contact_phone, version, created_at from actor";

    public Actor ToActor() => new(Id, Organisation, Enum.Parse<ActorKind>(Kind, true), new ActorContact(ContactName, ContactEmail, ContactPhone), Version);

    /// <summary>The actor; 404 when it does not exist.</summary>
    public static async Task<Actor> LoadAsync(DbSession db, Guid id, CancellationToken ct) =>
        (await db.QuerySingleOrDefaultAsync<ActorRow>(Select + " where id = @id", new { id }, ct) ?? throw new NotFoundException(ActorTexts.NotFound)).ToActor();

    /// <summary>The columns create and edit write.</summary>
    public static object Parameters(ActorInput input, DateTimeOffset now) => new
    {
        Organisation = input.Organisation.Trim(),
        Kind = WireName.Of(input.Kind),
        Name = input.Contact?.Name,
        Email = input.Contact?.Email,
        Phone = input.Contact?.Phone,
        Now = now,
    };
}

