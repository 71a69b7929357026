using Dapper;
using FluentValidation;
using Mediator;
using Npgsql;
using NpgsqlTypes;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

/// <summary>
/// A registration. It owns its transactions: the shared lock and, near the capacity limit, the exclusive one, each in
/// a transaction of its own, and an attempt that lost a race starts again in a fresh one (docs/decisions/0008).
/// </summary>
public sealed record RegisterCommand(EventKind Kind, Guid EventId, string IdempotencyKey, RegistrationRequest Request, string Language)
    : ICommand<RegistrationOutcome>, IOwnsTransactions;

/// <param name="Replayed">True when the answer is the stored one of an earlier request with the same Idempotency-Key.</param>
public sealed record RegistrationOutcome(RegistrationReceipt Receipt, bool Replayed);

/// <summary>
/// The attempt must start again in a fresh transaction: near the capacity limit (retry under the exclusive lock),
/// on a concurrent request with the same Idempotency-Key (the retry replays its answer), or on a check-in code
/// that happened to be taken. After the last attempt it is the answer: 503, try again with the same key.
/// </summary>
public sealed class RegistrationRetryException(bool exclusive) : ProblemException(StatusCodes.Status503ServiceUnavailable, RegistrationTexts.Busy)
{
    public bool Exclusive { get; } = exclusive;
}

public sealed class RegisterValidator : AbstractValidator<RegisterCommand>
{
    public RegisterValidator()
    {
        RuleFor(c => c.IdempotencyKey).Must(Idempotency.LooksValid)
            .WithMessage(_ => CommonTexts.IdempotencyInvalid.Format()).OverridePropertyName(Idempotency.Header);
        RuleFor(c => c.Request).NotNull().SetValidator(new RegistrationRequestValidator()).OverridePropertyName("");
    }
}

public sealed class RegistrationRequestValidator : AbstractValidator<RegistrationRequest>
{
    public RegistrationRequestValidator()
    {
        RuleFor(r => r.Mode).IsInEnum();
        RuleFor(r => r.ConsentVersion).NotEmpty().WithMessage(_ => RegistrationTexts.ConsentRequired.Format()).MaximumLength(50);
        RuleFor(r => r.Email).MaximumLength(320).Must(RegistrationRules.IsAnAddress).WithMessage(_ => RegistrationTexts.EmailInvalid.Format());
        RuleFor(r => r.Email).NotEmpty().When(r => r.Mode == RegistrationMode.Remote)
            .WithMessage(_ => RegistrationTexts.EmailForRemote.Format());
        RuleFor(r => r.Name).MaximumLength(200);
        RuleFor(r => r.AccessibilityNeeds).MaximumLength(1_000);
    }
}

/// <summary>
/// Two ways to a place. Far below the capacity (or without a limit) one batch, in one implicit transaction, takes
/// the event's lock shared and inserts the registration, its e-mail and the stored answer, guarded by the fresh
/// tally: two round trips in all, and parallel registrations do not wait for each other. Near the limit, or when
/// the guard fails, an explicit transaction takes the lock exclusively and decides confirmed or waitlisted exactly.
/// </summary>
public sealed class RegisterHandler(DbSession db, TimeProvider clock, ISecretTokens tokens, ICheckInCodes codes, SiteOptions site,
    RegistrationOptions options, OpenEvents openEvents) : ICommandHandler<RegisterCommand, RegistrationOutcome>
{
    /// <summary>Attempts before the answer is 503 (retry later with the same key).</summary>
    private const int MaxAttempts = 5;

    private const string ReadSql = $"""
        select operation, request_hash, status, response from idempotency_key where key_hash = @Lookup;
        {EventRow.Select} where e.id = @EventId;
        {RegistrationQueue.TallySql};
        select current_setting('max_connections')::int;
        """;

    /// <summary>
    /// The shared path, after <c>pg_advisory_xact_lock_shared</c> in the statement before it, so that this one reads
    /// the tally after the lock: the tally plus <c>max_connections</c> bounds every registration that can commit
    /// meanwhile (docs/decisions/0008). The stored answer goes first and the registration only with it, so a concurrent
    /// request with the same key inserts nothing. Parameters: $1 event, $2 version, $3 sequence, $4 capacity, $5 mode,
    /// $6 key hash, $7 request hash, $8 sealed answer, $9 now, $10 registration, $11 e-mail, $12 name, $13 needs,
    /// $14 consent version, $15 language, $16 token hash, $17 check-in code, $18 subject, $19 body, $20 calendar.
    /// </summary>
    private const string SharedSql = """
        with allowed as (
            select 1 from event e
            where e.id = $1 and e.version = $2 and e.sequence = $3 and e.status = 'published'
              and ($4::int is null or (
                  select coalesce(sum(t.confirmed), 0) + current_setting('max_connections')::int < $4 and coalesce(sum(t.waitlisted), 0) = 0
                  from registration_tally t where t.event_id = $1 and t.mode = $5))),
        idem as (
            insert into idempotency_key (key_hash, operation, request_hash, status, response, created_at)
            select $6, 'register', $7, 201, $8, $9 from allowed
            on conflict do nothing
            returning 1),
        reg as (
            insert into registration (id, event_id, mode, status, email, name, needs, consent_version, language, token_hash,
                                      check_in_code, created_at, updated_at)
            select $10, $1, $5, 'confirmed', $11, $12, $13, $14, $15, $16, $17, $9, $9 from idem
            returning id),
        mail as (
            insert into outbox (kind, recipient, subject, body, calendar, created_at, available_at, registration_id)
            select 'registration.confirmed', $11, $18, $19, $20, $9, $9, id from reg where $11::text is not null),
        tally as (
            insert into registration_tally as t (event_id, mode, shard, confirmed, waitlisted)
            select $1, $5, pg_backend_pid() % 64, 1, 0 from reg
            on conflict (event_id, mode, shard) do update
                set confirmed = t.confirmed + excluded.confirmed, waitlisted = t.waitlisted + excluded.waitlisted)
        select (select count(*)::int from allowed), (select count(*)::int from reg)
        """;

    /// <summary>
    /// The exclusive path's registration and its tally. Parameters: $1 registration, $2 event, $3 mode, $4 status,
    /// $5 e-mail, $6 name, $7 needs, $8 consent version, $9 language, $10 token hash, $11 check-in code, $12 now.
    /// </summary>
    private const string ExclusiveSql = """
        with reg as (
            insert into registration (id, event_id, mode, status, email, name, needs, consent_version, language, token_hash,
                                      check_in_code, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
            returning event_id, mode, status)
        insert into registration_tally as t (event_id, mode, shard, confirmed, waitlisted)
        select event_id, mode, pg_backend_pid() % 64, (status = 'confirmed')::int, (status = 'waitlisted')::int from reg
        on conflict (event_id, mode, shard) do update
            set confirmed = t.confirmed + excluded.confirmed, waitlisted = t.waitlisted + excluded.waitlisted
        """;

    private sealed record Read(IdempotentEntry? Earlier, EventRow? Row, RegistrationQueue.ModeCount Count, int MaxConnections);

    private sealed record Fresh(RegistrationReceipt Receipt, RegistrationStatus Status, (string Subject, string Body, string? Calendar) Mail);

    /// <summary>What every attempt of one request shares: the trimmed request and the hashes of its key and body.</summary>
    private sealed record Attempt(RegisterCommand Command, RegistrationRequest Request, byte[] Lookup, byte[] RequestHash, DateTimeOffset Now);

    public async ValueTask<RegistrationOutcome> Handle(RegisterCommand command, CancellationToken ct)
    {
        var request = command.Request with
        {
            Email = Trimmed(command.Request.Email),
            Name = Trimmed(command.Request.Name),
            AccessibilityNeeds = Trimmed(command.Request.AccessibilityNeeds),
        };
        var lookup = Idempotency.LookupHash(command.IdempotencyKey);
        var requestHash = Idempotency.RequestHash($"register/{command.EventId}", request);
        var exclusive = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var now = clock.GetUtcNow();
                return await AttemptAsync(new Attempt(command, request, lookup, requestHash, now), exclusive, ct);
            }
            catch (RegistrationRetryException retry) when (attempt < MaxAttempts)
            {
                exclusive |= retry.Exclusive;
            }
        }
    }

    private async Task<RegistrationOutcome> AttemptAsync(Attempt a, bool exclusive, CancellationToken ct)
    {
        try
        {
            if (!exclusive && await SharedFirstAsync(a, ct) is { } outcome) return outcome;
            return await ExclusiveAsync(a, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "registration_event_id_check_in_code_key")
        {
            throw new RegistrationRetryException(exclusive); // the random check-in code was taken: draw again
        }
    }

    /// <summary>The shared path when the event is far from full; null when it must go the exclusive way.</summary>
    private async Task<RegistrationOutcome?> SharedFirstAsync(Attempt a, CancellationToken ct)
    {
        var (command, request, now) = (a.Command, a.Request, a.Now);
        // An event recently seen open and far from full is tried at once; the guard in SharedSql re-checks it.
        if (openEvents.Get(command.EventId, now) is { } cached && cached.KindValue == command.Kind && RegistrationQueue.Offers(cached, request.Mode)
            && RegistrationQueue.ClosedReason(cached, now) is null)
        {
            if (await SharedAsync(a, cached, ct) is { } outcome) return outcome;
            openEvents.Forget(command.EventId);
        }

        var read = await ReadAsync(command.EventId, request.Mode, a.Lookup, ct);
        if (Replay(command, read, a.RequestHash) is { } replay) return replay;
        var row = Open(command, read.Row, request.Mode, now);
        var capacity = RegistrationQueue.Capacity(row, request.Mode);
        if (capacity is null || (read.Count.Waitlisted == 0 && read.Count.Confirmed + 2L * read.MaxConnections < capacity))
        {
            openEvents.Remember(row, now);
            if (await SharedAsync(a, row, ct) is { } outcome) return outcome;
            openEvents.Forget(command.EventId);
        }
        return null;
    }

    /// <summary>One try of the shared path; null when its guard fails (the event changed or filled up).</summary>
    private async Task<RegistrationOutcome?> SharedAsync(Attempt a, EventRow row, CancellationToken ct)
    {
        var (command, request) = (a.Command, a.Request);
        var fresh = NewRegistration(row, request, RegistrationStatus.Confirmed, null, command, a.Now);
        var conn = await db.ConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(conn);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("select 1 from pg_advisory_xact_lock_shared($1)")
        {
            Parameters = { new NpgsqlParameter<long> { TypedValue = RegistrationQueue.LockKey(row.Id) } },
        });
        var statement = new NpgsqlBatchCommand(SharedSql);
        foreach (var (value, type) in new (object?, NpgsqlDbType)[]
        {
            (row.Id, NpgsqlDbType.Uuid), (row.Version, NpgsqlDbType.Integer), (row.Sequence, NpgsqlDbType.Integer),
            (RegistrationQueue.Capacity(row, request.Mode), NpgsqlDbType.Integer), (WireName.Of(request.Mode), NpgsqlDbType.Text),
            (a.Lookup, NpgsqlDbType.Bytea), (a.RequestHash, NpgsqlDbType.Bytea), (Idempotency.Seal(command.IdempotencyKey, fresh.Receipt), NpgsqlDbType.Bytea),
            (a.Now, NpgsqlDbType.TimestampTz), (fresh.Receipt.Id, NpgsqlDbType.Uuid), (request.Email, NpgsqlDbType.Text),
            (request.Name, NpgsqlDbType.Text), (request.AccessibilityNeeds, NpgsqlDbType.Text), (request.ConsentVersion, NpgsqlDbType.Text),
            (command.Language, NpgsqlDbType.Text), (SecretTokens.Hash(fresh.Receipt.ManageToken), NpgsqlDbType.Bytea),
            (fresh.Receipt.CheckInCode, NpgsqlDbType.Text), (fresh.Mail.Subject, NpgsqlDbType.Text), (fresh.Mail.Body, NpgsqlDbType.Text),
            (fresh.Mail.Calendar, NpgsqlDbType.Text),
        })
            statement.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });
        batch.BatchCommands.Add(statement);
        int allowed, registered;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            (allowed, registered) = (reader.GetInt32(0), reader.GetInt32(1));
        }
        if (registered == 1) return new RegistrationOutcome(fresh.Receipt, Replayed: false);
        if (allowed == 0) return null;
        // Allowed but not registered: a request with the same key came first (and has committed): replay its answer.
        var read = await ReadAsync(command.EventId, request.Mode, a.Lookup, ct);
        return Replay(command, read, a.RequestHash) ?? throw new RegistrationRetryException(exclusive: false);
    }

    /// <summary>
    /// The exclusive path: exact under the lock. The stored answer, the registration with its tally and its e-mail go
    /// in one batch; when the key turns out taken (a request with it committed meanwhile) the transaction is rolled
    /// back and the retry replays that answer.
    /// </summary>
    private async Task<RegistrationOutcome> ExclusiveAsync(Attempt a, CancellationToken ct)
    {
        var (command, request, now) = (a.Command, a.Request, a.Now);
        await db.BeginAsync(ct);
        try
        {
            await RegistrationQueue.LockAsync(db, command.EventId, ct);
            var read = await ReadAsync(command.EventId, request.Mode, a.Lookup, ct);
            if (Replay(command, read, a.RequestHash) is { } replay)
            {
                await db.CommitAsync(ct);
                return replay;
            }
            var row = Open(command, read.Row, request.Mode, now);
            var capacity = RegistrationQueue.Capacity(row, request.Mode);
            var status = capacity is null || (read.Count.Waitlisted == 0 && read.Count.Confirmed < capacity)
                ? RegistrationStatus.Confirmed
                : RegistrationStatus.Waitlisted;
            var fresh = NewRegistration(row, request, status, status == RegistrationStatus.Waitlisted ? read.Count.Waitlisted + 1 : null, command, now);

            await using var batch = new NpgsqlBatch(await db.ConnectionAsync(ct), db.Transaction);
            batch.BatchCommands.Add(IdempotentCommand.Insert(a.Lookup, "register", a.RequestHash, StatusCodes.Status201Created,
                Idempotency.Seal(command.IdempotencyKey, fresh.Receipt), now));
            var statement = new NpgsqlBatchCommand(ExclusiveSql);
            foreach (var (value, type) in new (object?, NpgsqlDbType)[]
            {
                (fresh.Receipt.Id, NpgsqlDbType.Uuid), (row.Id, NpgsqlDbType.Uuid), (WireName.Of(request.Mode), NpgsqlDbType.Text),
                (WireName.Of(status), NpgsqlDbType.Text), (request.Email, NpgsqlDbType.Text), (request.Name, NpgsqlDbType.Text),
                (request.AccessibilityNeeds, NpgsqlDbType.Text), (request.ConsentVersion, NpgsqlDbType.Text), (command.Language, NpgsqlDbType.Text),
                (SecretTokens.Hash(fresh.Receipt.ManageToken), NpgsqlDbType.Bytea), (fresh.Receipt.CheckInCode, NpgsqlDbType.Text),
                (now, NpgsqlDbType.TimestampTz),
            })
                statement.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });
            batch.BatchCommands.Add(statement);
            if (request.Email is { } email)
            {
                var kind = status == RegistrationStatus.Confirmed ? "registration.confirmed" : "registration.waitlisted";
                batch.BatchCommands.Add(Outbox.Insert(new OutboxMail(kind, email, fresh.Mail.Subject, fresh.Mail.Body, fresh.Mail.Calendar, fresh.Receipt.Id), now));
            }
            bool remembered;
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                remembered = await reader.ReadAsync(ct);
                while (await reader.NextResultAsync(ct)) { }
            }
            if (!remembered) throw new RegistrationRetryException(exclusive: true);
            await db.CommitAsync(ct);
            return new RegistrationOutcome(fresh.Receipt, Replayed: false);
        }
        catch
        {
            await db.RollbackAsync();
            throw;
        }
    }

    private async Task<Read> ReadAsync(Guid eventId, RegistrationMode mode, byte[] lookup, CancellationToken ct)
    {
        var conn = await db.ConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(ReadSql, new { Lookup = lookup, EventId = eventId }, db.Transaction, cancellationToken: ct));
        var earlier = await grid.ReadSingleOrDefaultAsync<IdempotentEntry>();
        var row = await grid.ReadSingleOrDefaultAsync<EventRow>();
        var counts = await grid.ReadAsync<RegistrationQueue.ModeCount>();
        return new Read(earlier, row, RegistrationQueue.For(counts, mode), await grid.ReadSingleAsync<int>());
    }

    private static RegistrationOutcome? Replay(RegisterCommand command, Read read, byte[] requestHash)
    {
        if (read.Earlier is not { } earlier) return null;
        if (earlier.Operation != "register" || !earlier.RequestHash.AsSpan().SequenceEqual(requestHash)) throw new IdempotencyMismatchException();
        return new RegistrationOutcome(Idempotency.Open<RegistrationReceipt>(command.IdempotencyKey, earlier.Response), Replayed: true);
    }

    /// <summary>The event, if it takes registrations in this mode now; otherwise the problem naming why not.</summary>
    private static EventRow Open(RegisterCommand command, EventRow? row, RegistrationMode mode, DateTimeOffset now)
    {
        if (row is null || row.KindValue != command.Kind) throw new NotFoundException(EventTexts.NotFound, command.EventId);
        if (RegistrationQueue.ClosedReason(row, now) is { } reason) throw RegistrationQueue.Closed(reason);
        if (!RegistrationQueue.Offers(row, mode)) throw RegistrationQueue.Closed(RegistrationClosedReason.ModeNotOffered);
        return row;
    }

    private Fresh NewRegistration(EventRow row, RegistrationRequest request, RegistrationStatus status, int? position, RegisterCommand command,
        DateTimeOffset now)
    {
        var token = tokens.New();
        var code = codes.New();
        var receipt = new RegistrationReceipt(Guid.CreateVersion7(now), row.Id, request.Mode, status, position, code, token,
            $"{site.PublicUrl.TrimEnd('/')}/anmalan#{token}");
        var mail = request.Email is null ? default
            : status == RegistrationStatus.Confirmed ? RegistrationMail.Confirmation(row, request.Mode, token, code, command.Language, site, options, now)
            : RegistrationMail.Compose(RegistrationMailKind.Waitlisted, row, request.Mode, token, position, command.Language, site, options, now);
        return new Fresh(receipt, status, mail);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
