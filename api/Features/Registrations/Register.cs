using Dapper;
using Npgsql;
using NpgsqlTypes;
using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

/// <summary>
/// A registration. It owns its transactions (see <see cref="RegisterHandler"/>): the shared lock and, near the
/// capacity limit, the exclusive one, each in a transaction of its own.
/// </summary>
/// <param name="Exclusive">Go straight to the exclusive lock (near the capacity limit); see <see cref="RegistrationQueue"/>.</param>
public sealed record Register(EventKind Kind, Guid EventId, string IdempotencyKey, RegistrationRequest Request, string Language,
    bool Exclusive = false) : ICommand<RegistrationOutcome>, IOwnsTransactions;

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

/// <summary>
/// Events recently read open and far from full, so that a registration can go straight to the shared path without
/// reading the event first. Only a hint: the shared path re-checks version, status and places under the lock, and
/// forgets the event when they no longer hold. Kept for a few seconds, so that times and deadlines are fresh.
/// </summary>
public sealed class OpenEvents
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(5);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (EventRow Row, DateTimeOffset ReadAt)> events = new();

    internal EventRow? Get(Guid id, DateTimeOffset now) =>
        events.TryGetValue(id, out var entry) && now - entry.ReadAt < KeptFor && now >= entry.ReadAt ? entry.Row : null;

    internal void Remember(EventRow row, DateTimeOffset now)
    {
        if (events.Count > 10_000) events.Clear();
        events[row.Id] = (row, now);
    }

    internal void Forget(Guid id) => events.TryRemove(id, out _);
}

/// <summary>
/// Two ways to a place. Far below the capacity (or without a limit) one batch, in one implicit transaction, takes
/// the event's lock shared and inserts the registration, its e-mail and the stored answer, guarded by the fresh
/// tally: two round trips in all, and parallel registrations do not wait for each other. Near the limit, or when
/// the guard fails, an explicit transaction takes the lock exclusively and decides confirmed or waitlisted exactly.
/// </summary>
public sealed class RegisterHandler(DbSession db, TimeProvider clock, ISecretTokens tokens, SiteOptions site, RegistrationOptions options,
    OpenEvents openEvents) : ICommandHandler<Register, RegistrationOutcome>
{
    /// <summary>Without look-alikes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V.</summary>
    public const string CheckInAlphabet = "ACDEFGHJKMNPQRTWXY34679";

    private const string ReadSql = $"""
        select operation, request_hash, status, response from idempotency_key where key_hash = @Lookup;
        {EventRow.Select} where e.id = @EventId;
        {RegistrationQueue.TallySql};
        select current_setting('max_connections')::int;
        """;

    private const string InsertSql = """
        insert into registration (id, event_id, mode, status, email, name, needs, consent_version, language, token_hash,
                                  check_in_code, created_at, updated_at)
        select @Id, @EventId, @Mode, @Status, @Email, @Name, @Needs, @ConsentVersion, @Language, @TokenHash, @Code, @Now, @Now
        """;

    private const string MailSql = """
        insert into outbox (kind, recipient, subject, body, calendar, created_at, available_at, registration_id)
        select @MailKind, @Email, @Subject, @Body, @Calendar, @Now, @Now, id from reg where @Email::text is not null
        """;

    private const string TallyInsertSql = """
        insert into registration_tally as t (event_id, mode, shard, confirmed, waitlisted)
        select @EventId, @Mode, pg_backend_pid() % 64, (@Status = 'confirmed')::int, (@Status = 'waitlisted')::int
        """;

    private const string TallyConflict = """
        on conflict (event_id, mode, shard) do update
            set confirmed = t.confirmed + excluded.confirmed, waitlisted = t.waitlisted + excluded.waitlisted
        """;

    private const string IdempotencySql = """
        insert into idempotency_key (key_hash, operation, request_hash, status, response, created_at)
        select @Lookup, 'register', @RequestHash, 201, @Response, @Now
        """;

    /// <summary>
    /// The shared path. The lock is taken by the first statement, so the second reads the tally after it: the tally
    /// plus <c>max_connections</c> bounds every registration that can commit meanwhile (docs/decisions/0008). The stored
    /// answer goes first and the registration only with it, so a concurrent request with the same key inserts nothing.
    /// </summary>
    private const string SharedCte = $"""
        with allowed as (
            select 1 from event e
            where e.id = @EventId and e.version = @Version and e.sequence = @Sequence and e.status = 'published'
              and (@Capacity::int is null or (
                  select coalesce(sum(t.confirmed), 0) + current_setting('max_connections')::int < @Capacity and coalesce(sum(t.waitlisted), 0) = 0
                  from registration_tally t where t.event_id = @EventId and t.mode = @Mode))),
        idem as ({IdempotencySql} from allowed on conflict do nothing returning 1),
        reg as ({InsertSql} from idem returning id),
        mail as ({MailSql}),
        tally as ({TallyInsertSql} from reg {TallyConflict})
        select (select count(*)::int from allowed), (select count(*)::int from reg)
        """;

    /// <summary>The parameters of the shared path, in the order of their positions (<c>$1</c> …).</summary>
    private static readonly string[] SharedNames =
    [
        "EventId", "Version", "Sequence", "Capacity", "Mode", "Lookup", "RequestHash", "Response", "Now", "Id", "Status", "Email", "Name",
        "Needs", "ConsentVersion", "Language", "TokenHash", "Code", "MailKind", "Subject", "Body", "Calendar",
    ];

    /// <summary>
    /// The shared path runs on every registration, so it skips Dapper and named-parameter rewriting: positional
    /// parameters, sent as one batch (one round trip, one implicit transaction).
    /// </summary>
    private static readonly string SharedPositional = System.Text.RegularExpressions.Regex.Replace(SharedCte, "@([A-Za-z]+)", m =>
        Array.IndexOf(SharedNames, m.Groups[1].Value) is var i and >= 0 ? $"${i + 1}" : throw new InvalidOperationException(m.Value));

    private const string ExclusiveSql = $"""
        with reg as ({InsertSql} returning id),
        mail as ({MailSql}),
        tally as ({TallyInsertSql} from reg {TallyConflict}),
        idem as ({IdempotencySql} from reg on conflict do nothing returning 1)
        select (select count(*)::int from reg), (select count(*)::int from idem)
        """;

    private sealed record Read(IdempotentEntry? Earlier, EventRow? Row, RegistrationQueue.ModeCount Count, int MaxConnections);

    public async ValueTask<RegistrationOutcome> Handle(Register command, CancellationToken ct)
    {
        try
        {
            return await RegisterAsync(command, ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation && e.ConstraintName == "registration_event_id_check_in_code_key")
        {
            throw new RegistrationRetryException(command.Exclusive); // the random check-in code was taken: draw again
        }
    }

    private async Task<RegistrationOutcome> RegisterAsync(Register command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var request = command.Request with { Email = Trimmed(command.Request.Email), Name = Trimmed(command.Request.Name), AccessibilityNeeds = Trimmed(command.Request.AccessibilityNeeds) };
        var lookup = Idempotency.LookupHash(command.IdempotencyKey);
        var requestHash = Idempotency.RequestHash($"register/{command.EventId}", request);

        if (!command.Exclusive)
        {
            // An event recently seen open and far from full is tried at once; the guard in SharedSql re-checks it.
            if (openEvents.Get(command.EventId, now) is { } cached && cached.KindValue == command.Kind && RegistrationQueue.Offers(cached, request.Mode)
                && RegistrationQueue.ClosedReason(cached, now) is null)
            {
                var outcome = await SharedAsync(command, request, cached, lookup, requestHash, now, ct);
                if (outcome is not null) return outcome;
                openEvents.Forget(command.EventId);
            }

            var read = await ReadAsync(command.EventId, request.Mode, lookup, ct);
            if (Replay(command, read, requestHash) is { } replay) return replay;
            var row = Open(command, read.Row, request.Mode, now);
            var capacity = RegistrationQueue.Capacity(row, request.Mode);
            if (capacity is null || (read.Count.Waitlisted == 0 && read.Count.Confirmed + 2L * read.MaxConnections < capacity))
            {
                openEvents.Remember(row, now);
                if (await SharedAsync(command, request, row, lookup, requestHash, now, ct) is { } outcome) return outcome;
                openEvents.Forget(command.EventId);
            }
        }
        return await ExclusiveAsync(command, request, lookup, requestHash, now, ct);
    }

    /// <summary>The shared path; null when its guard fails (the event changed or filled up).</summary>
    private async Task<RegistrationOutcome?> SharedAsync(Register command, RegistrationRequest request, EventRow row, byte[] lookup, byte[] requestHash,
        DateTimeOffset now, CancellationToken ct)
    {
        var fresh = NewRegistration(row, request, RegistrationStatus.Confirmed, null, command, now);
        var conn = await db.ConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(conn);
        // The lock first, in its own statement: the second statement's snapshot is then taken after it.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("select 1 from pg_advisory_xact_lock_shared($1)")
        {
            Parameters = { new NpgsqlParameter<long> { TypedValue = RegistrationQueue.LockKey(row.Id) } },
        });
        var statement = new NpgsqlBatchCommand(SharedPositional);
        foreach (var (value, type) in new (object?, NpgsqlDbType)[]
        {
            (row.Id, NpgsqlDbType.Uuid), (row.Version, NpgsqlDbType.Integer), (row.Sequence, NpgsqlDbType.Integer),
            (RegistrationQueue.Capacity(row, request.Mode), NpgsqlDbType.Integer), (WireName.Of(request.Mode), NpgsqlDbType.Text),
            (lookup, NpgsqlDbType.Bytea), (requestHash, NpgsqlDbType.Bytea), (Idempotency.Seal(command.IdempotencyKey, fresh.Receipt), NpgsqlDbType.Bytea),
            (now, NpgsqlDbType.TimestampTz), (fresh.Receipt.Id, NpgsqlDbType.Uuid), ("confirmed", NpgsqlDbType.Text),
            (request.Email, NpgsqlDbType.Text), (request.Name, NpgsqlDbType.Text), (request.AccessibilityNeeds, NpgsqlDbType.Text),
            (request.ConsentVersion, NpgsqlDbType.Text), (command.Language, NpgsqlDbType.Text), (SecretTokens.Hash(fresh.Receipt.ManageToken), NpgsqlDbType.Bytea),
            (fresh.Receipt.CheckInCode, NpgsqlDbType.Text), ("registration.confirmed", NpgsqlDbType.Text), (fresh.Mail.Subject, NpgsqlDbType.Text),
            (fresh.Mail.Body, NpgsqlDbType.Text), (fresh.Mail.Calendar, NpgsqlDbType.Text),
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
        var read = await ReadAsync(command.EventId, request.Mode, lookup, ct);
        return Replay(command, read, requestHash) ?? throw new RegistrationRetryException(exclusive: false);
    }

    private async Task<RegistrationOutcome> ExclusiveAsync(Register command, RegistrationRequest request, byte[] lookup, byte[] requestHash,
        DateTimeOffset now, CancellationToken ct)
    {
        await db.BeginAsync(ct);
        try
        {
            await RegistrationQueue.LockAsync(db, command.EventId, ct);
            var read = await ReadAsync(command.EventId, request.Mode, lookup, ct);
            if (Replay(command, read, requestHash) is { } replay)
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
            var (registered, remembered) = await db.QuerySingleOrDefaultAsync<(int, int)>(ExclusiveSql,
                Parameters(fresh, request, command, lookup, requestHash, now), ct);
            if (registered == 0 || remembered == 0) throw new RegistrationRetryException(exclusive: true);
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

    private static RegistrationOutcome? Replay(Register command, Read read, byte[] requestHash)
    {
        if (read.Earlier is not { } earlier) return null;
        if (earlier.Operation != "register" || !earlier.RequestHash.AsSpan().SequenceEqual(requestHash)) throw new IdempotencyMismatchException();
        return new RegistrationOutcome(Idempotency.Open<RegistrationReceipt>(command.IdempotencyKey, earlier.Response), Replayed: true);
    }

    /// <summary>The event, if it takes registrations in this mode now; otherwise the problem naming why not.</summary>
    private static EventRow Open(Register command, EventRow? row, RegistrationMode mode, DateTimeOffset now)
    {
        if (row is null || row.KindValue != command.Kind) throw new NotFoundException("event.notFound", command.EventId);
        if (RegistrationQueue.ClosedReason(row, now) is { } reason) throw RegistrationQueue.Closed(reason);
        if (!RegistrationQueue.Offers(row, mode)) throw RegistrationQueue.Closed(RegistrationClosedReason.ModeNotOffered);
        return row;
    }

    private sealed record Fresh(RegistrationReceipt Receipt, RegistrationStatus Status, (string Subject, string Body, string? Calendar) Mail);

    private Fresh NewRegistration(EventRow row, RegistrationRequest request, RegistrationStatus status, int? position, Register command, DateTimeOffset now)
    {
        var token = tokens.New();
        var code = System.Security.Cryptography.RandomNumberGenerator.GetString(CheckInAlphabet, 8);
        var receipt = new RegistrationReceipt(Guid.CreateVersion7(now), row.Id, request.Mode, status, position, code, token,
            $"{site.PublicUrl.TrimEnd('/')}/anmalan#{token}");
        var mail = request.Email is null ? default
            : status == RegistrationStatus.Confirmed ? RegistrationMail.Confirmation(row, request.Mode, token, command.Language, site, options, now)
            : RegistrationMail.Compose(RegistrationMailKind.Waitlisted, row, request.Mode, token, position, command.Language, site, options, now);
        return new Fresh(receipt, status, mail);
    }

    private static DynamicParameters Parameters(Fresh fresh, RegistrationRequest request, Register command, byte[] lookup, byte[] requestHash,
        DateTimeOffset now) => new(new
        {
            fresh.Receipt.Id,
            fresh.Receipt.EventId,
            Mode = WireName.Of(request.Mode),
            Status = WireName.Of(fresh.Status),
            request.Email,
            request.Name,
            Needs = request.AccessibilityNeeds,
            request.ConsentVersion,
            command.Language,
            TokenHash = SecretTokens.Hash(fresh.Receipt.ManageToken),
            Code = fresh.Receipt.CheckInCode,
            Now = now,
            MailKind = fresh.Status == RegistrationStatus.Confirmed ? "registration.confirmed" : "registration.waitlisted",
            fresh.Mail.Subject,
            fresh.Mail.Body,
            fresh.Mail.Calendar,
            Lookup = lookup,
            RequestHash = requestHash,
            Response = Idempotency.Seal(command.IdempotencyKey, fresh.Receipt),
        });

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
