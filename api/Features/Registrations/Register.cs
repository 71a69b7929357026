using Dapper;
using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

/// <param name="Exclusive">Take the event's lock exclusively (near the capacity limit); see <see cref="RegistrationQueue"/>.</param>
public sealed record Register(EventKind Kind, Guid EventId, string IdempotencyKey, RegistrationRequest Request, string Language,
    bool Exclusive = false) : ICommand<RegistrationOutcome>;

/// <param name="Replayed">True when the answer is the stored one of an earlier request with the same Idempotency-Key.</param>
public sealed record RegistrationOutcome(RegistrationReceipt Receipt, bool Replayed);

/// <summary>
/// The attempt must start again in a fresh transaction: near the capacity limit (retry under the exclusive lock),
/// on a concurrent request with the same Idempotency-Key (the retry replays its answer), or on a check-in code
/// that happened to be taken.
/// </summary>
public sealed class RegistrationRetryException(bool exclusive) : ProblemException(StatusCodes.Status503ServiceUnavailable, "registration.busy")
{
    public bool Exclusive { get; } = exclusive;
}

public sealed class RegisterValidator : AbstractValidator<Register>
{
    public RegisterValidator()
    {
        RuleFor(c => c.IdempotencyKey).Must(Idempotency.LooksValid)
            .WithMessage(_ => Messages.Get("idempotency.invalid")).OverridePropertyName(Idempotency.Header);
        RuleFor(c => c.Request).NotNull().SetValidator(new RegistrationRequestValidator()).OverridePropertyName("");
    }
}

public sealed class RegistrationRequestValidator : AbstractValidator<RegistrationRequest>
{
    public RegistrationRequestValidator()
    {
        RuleFor(r => r.Mode).IsInEnum();
        RuleFor(r => r.ConsentVersion).NotEmpty().MaximumLength(50);
        RuleFor(r => r.Email).MaximumLength(320).Must(BeAnAddress).WithMessage(_ => Messages.Get("registration.emailInvalid"));
        RuleFor(r => r.Email).NotEmpty().When(r => r.Mode == RegistrationMode.Remote)
            .WithMessage(_ => Messages.Get("registration.emailForRemote"));
        RuleFor(r => r.Name).MaximumLength(200);
        RuleFor(r => r.AccessibilityNeeds).MaximumLength(1_000);
    }

    /// <summary>One plain address that the mailer can send to, e.g. <c>namn@example.se</c>.</summary>
    public static bool BeAnAddress(string? email) =>
        email is null || (MimeKit.MailboxAddress.TryParse(email.Trim(), out var address) && address.Address == email.Trim()
            && email.Count(c => c == '@') == 1 && !email.Trim().EndsWith('@') && !email.Trim().StartsWith('@') && email.Trim().Contains('.'));
}

public sealed class RegisterHandler(DbSession db, TimeProvider clock, ISecretTokens tokens, SiteOptions site, RegistrationOptions options)
    : ICommandHandler<Register, RegistrationOutcome>
{
    /// <summary>Without look-alikes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V.</summary>
    public const string CheckInAlphabet = "ACDEFGHJKMNPQRTWXY34679";

    public async ValueTask<RegistrationOutcome> Handle(Register command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var request = command.Request with { Email = Trimmed(command.Request.Email), Name = Trimmed(command.Request.Name), AccessibilityNeeds = Trimmed(command.Request.AccessibilityNeeds) };
        var lookup = Idempotency.LookupHash(command.IdempotencyKey);
        var requestHash = Idempotency.RequestHash($"register/{command.EventId}", request);

        // One round trip: the lock, an earlier answer under the same key, the event, its counts.
        var conn = await db.ConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition($"""
            {RegistrationQueue.LockSql(command.Exclusive)};
            select operation, request_hash, status, response from idempotency_key where key_hash = @Lookup;
            {EventRow.Select} where e.id = @EventId;
            {RegistrationQueue.CountsSql};
            select current_setting('max_connections')::int;
            """, new { Lock = RegistrationQueue.LockKey(command.EventId), Lookup = lookup, command.EventId }, db.Transaction, cancellationToken: ct));
        await grid.ReadAsync<int>();
        var earlier = await grid.ReadSingleOrDefaultAsync<IdempotentEntry>();
        var row = await grid.ReadSingleOrDefaultAsync<EventRow>();
        var counts = (await grid.ReadAsync<RegistrationQueue.ModeCount>()).ToList();
        var maxConnections = await grid.ReadSingleAsync<int>();

        if (earlier is not null)
        {
            if (earlier.Operation != "register" || !earlier.RequestHash.AsSpan().SequenceEqual(requestHash)) throw new IdempotencyMismatchException();
            return new RegistrationOutcome(Idempotency.Open<RegistrationReceipt>(command.IdempotencyKey, earlier.Response), Replayed: true);
        }
        if (row is null || row.KindValue != command.Kind) throw new NotFoundException("event.notFound", command.EventId);
        if (RegistrationQueue.ClosedReason(row, now) is { } reason) throw RegistrationQueue.Closed(reason);
        if (!RegistrationQueue.Offers(row, request.Mode)) throw RegistrationQueue.Closed(RegistrationClosedReason.ModeNotOffered);

        var capacity = RegistrationQueue.Capacity(row, request.Mode);
        var count = RegistrationQueue.For(counts, request.Mode);
        RegistrationStatus status;
        if (capacity is null) status = RegistrationStatus.Confirmed;
        else if (command.Exclusive) status = count.Waitlisted == 0 && count.Confirmed < capacity ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted;
        else if (count.Waitlisted == 0 && (long)count.Confirmed + maxConnections < capacity) status = RegistrationStatus.Confirmed;
        else throw new RegistrationRetryException(exclusive: true);

        var id = Guid.CreateVersion7(now);
        var token = tokens.New();
        var code = string.Create(8, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = CheckInAlphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(CheckInAlphabet.Length)];
        });
        var position = status == RegistrationStatus.Waitlisted ? count.Waitlisted + 1 : (int?)null;
        var receipt = new RegistrationReceipt(id, row.Id, request.Mode, status, position, code, token, $"{site.PublicUrl.TrimEnd('/')}/anmalan#{token}");
        var mail = request.Email is null
            ? default
            : RegistrationMail.Compose(status == RegistrationStatus.Confirmed ? RegistrationMailKind.Confirmed : RegistrationMailKind.Waitlisted,
                row, request.Mode, token, position, command.Language, site, options, now);

        // One statement: the registration, its e-mail and the stored answer commit together or not at all.
        var (registered, remembered) = await conn.QuerySingleAsync<(int, int)>(new CommandDefinition("""
            with reg as (
                insert into registration (id, event_id, mode, status, email, name, needs, consent_version, language, token_hash,
                                          check_in_code, created_at, updated_at)
                values (@Id, @EventId, @Mode, @Status, @Email, @Name, @Needs, @ConsentVersion, @Language, @TokenHash, @Code, @Now, @Now)
                on conflict do nothing
                returning id),
            mail as (
                insert into outbox (kind, recipient, subject, body, calendar, created_at, available_at, registration_id)
                select @MailKind, @Email, @Subject, @Body, @Calendar, @Now, @Now, id from reg where @Email::text is not null),
            idem as (
                insert into idempotency_key (key_hash, operation, request_hash, status, response, created_at)
                select @Lookup, 'register', @RequestHash, 201, @Response, @Now from reg
                on conflict do nothing
                returning 1)
            select (select count(*)::int from reg), (select count(*)::int from idem)
            """, new
        {
            Id = id,
            EventId = row.Id,
            Mode = EventText.Wire(request.Mode),
            Status = EventText.Wire(status),
            request.Email,
            request.Name,
            Needs = request.AccessibilityNeeds,
            request.ConsentVersion,
            command.Language,
            TokenHash = SecretTokens.Hash(token),
            Code = code,
            Now = now,
            MailKind = status == RegistrationStatus.Confirmed ? "registration.confirmed" : "registration.waitlisted",
            mail.Subject,
            mail.Body,
            mail.Calendar,
            Lookup = lookup,
            RequestHash = requestHash,
            Response = Idempotency.Seal(command.IdempotencyKey, receipt),
        }, db.Transaction, cancellationToken: ct));
        if (registered == 0 || remembered == 0) throw new RegistrationRetryException(command.Exclusive);
        return new RegistrationOutcome(receipt, Replayed: false);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
