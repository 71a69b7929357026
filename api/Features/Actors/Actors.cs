using FluentValidation;
using Mediator;
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
}

public sealed record CreateActor(ActorInput Actor) : ICommand<Actor>;

public sealed record UpdateActor(Guid Id, int ExpectedVersion, ActorInput Actor) : ICommand<Actor>;

public sealed record GetActor(Guid Id) : IQuery<Actor>;

public sealed record ListActors(ActorKind? Kind, int? Limit, string? Cursor) : IQuery<Page<Actor>>;

public sealed class CreateActorValidator : AbstractValidator<CreateActor>
{
    public CreateActorValidator() => RuleFor(c => c.Actor).SetValidator(new ActorInputValidator()).OverridePropertyName("");
}

public sealed class UpdateActorValidator : AbstractValidator<UpdateActor>
{
    public UpdateActorValidator() => RuleFor(c => c.Actor).SetValidator(new ActorInputValidator()).OverridePropertyName("");
}

public sealed class ListActorsValidator : AbstractValidator<ListActors>
{
    public ListActorsValidator()
    {
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}

public sealed class ActorHandlers(DbSession db, AuditLog audit, TimeProvider clock) :
    ICommandHandler<CreateActor, Actor>, ICommandHandler<UpdateActor, Actor>, IQueryHandler<GetActor, Actor>, IQueryHandler<ListActors, Page<Actor>>
{
    public async ValueTask<Actor> Handle(CreateActor command, CancellationToken ct)
    {
        var id = await db.QuerySingleOrDefaultAsync<Guid>("""
            insert into actor (organisation, kind, contact_name, contact_email, contact_phone, created_at, updated_at)
            values (@Organisation, @Kind, @Name, @Email, @Phone, @Now, @Now)
            returning id
            """, Parameters(command.Actor), ct);
        await audit.WriteAsync("actor.create", "actor", id.ToString(), new { command.Actor.Organisation, command.Actor.Kind }, ct);
        return await Handle(new GetActor(id), ct);
    }

    public async ValueTask<Actor> Handle(UpdateActor command, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters(Parameters(command.Actor));
        parameters.AddDynamicParams(new { command.Id, command.ExpectedVersion });
        var updated = await db.ExecuteAsync("""
            update actor set organisation = @Organisation, kind = @Kind, contact_name = @Name, contact_email = @Email,
                   contact_phone = @Phone, version = version + 1, updated_at = @Now
            where id = @Id and version = @ExpectedVersion
            """, parameters, ct);
        if (updated == 0)
        {
            await Handle(new GetActor(command.Id), ct); // 404 when it does not exist
            throw new PreconditionFailedException("concurrency.stale");
        }
        await audit.WriteAsync("actor.update", "actor", command.Id.ToString(), new { command.Actor.Organisation, command.Actor.Kind }, ct);
        return await Handle(new GetActor(command.Id), ct);
    }

    public async ValueTask<Actor> Handle(GetActor query, CancellationToken ct) =>
        (await db.QuerySingleOrDefaultAsync<ActorRow>(ActorRow.Select + " where id = @Id", query, ct) ?? throw new NotFoundException("actor.notFound")).ToActor();

    public async ValueTask<Page<Actor>> Handle(ListActors query, CancellationToken ct)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var hasCursor = Cursor.TryDecode(query.Cursor, out var afterAt, out var afterId);
        var rows = await db.QueryAsync<ActorRow>(ActorRow.Select + """
             where (@Kind::text is null or kind = @Kind) and (not @HasCursor or (created_at, id) > (@AfterAt, @AfterId))
             order by created_at, id
             limit @Take
            """, new { Kind = query.Kind is { } k ? WireName.Of(k) : null, HasCursor = hasCursor, AfterAt = afterAt, AfterId = afterId, Take = limit + 1 }, ct);
        return Cursor.ToPage(rows, limit, r => (r.CreatedAt, r.Id), r => r.ToActor());
    }

    private object Parameters(ActorInput input) => new
    {
        Organisation = input.Organisation.Trim(),
        Kind = WireName.Of(input.Kind),
        Name = input.Contact?.Name,
        Email = input.Contact?.Email,
        Phone = input.Contact?.Phone,
        Now = clock.GetUtcNow(),
    };
}
