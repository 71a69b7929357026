using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// Idempotency keys of public POSTs (<c>Idempotency-Key</c> header). The first response is stored with the key's
/// hash, encrypted (AES-GCM) with a key derived from the client's Idempotency-Key, which the server never keeps:
/// a retry with the same key and body gets the same answer, and the stored copy (which may hold a secret link or
/// an e-mail address) is unreadable to anyone without the key. Rows are deleted after a day.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";

    /// <summary>Response header set on a replayed answer.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public static bool LooksValid(string? key) => key is { Length: >= 8 and <= 255 } && key.All(c => c is > ' ' and <= '~');

    /// <summary>The key under which the response is stored (not the key that encrypts it).</summary>
    public static byte[] LookupHash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes("trygghet/idempotency/id\n" + key));

    /// <summary>What the request asked, to tell a retry from another request reusing the key.</summary>
    public static byte[] RequestHash(string operation, object request) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + JsonSerializer.Serialize(request, JsonSerializerOptions.Web)));

    public static byte[] Seal<T>(string key, T response)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(response, JsonSerializerOptions.Web);
        var sealedBytes = new byte[12 + 16 + plain.Length];
        var nonce = sealedBytes.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(EncryptionKey(key), 16);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16));
        return sealedBytes;
    }

    public static T Open<T>(string key, byte[] sealedBytes)
    {
        var plain = new byte[sealedBytes.Length - 28];
        using var aes = new AesGcm(EncryptionKey(key), 16);
        aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), plain);
        return JsonSerializer.Deserialize<T>(plain, JsonSerializerOptions.Web)!;
    }

    private static byte[] EncryptionKey(string key) => SHA256.HashData(Encoding.UTF8.GetBytes("trygghet/idempotency/key\n" + key));
}

/// <summary>A stored answer to an idempotent request.</summary>
public sealed record IdempotentEntry(string Operation, byte[] RequestHash, int Status, byte[] Response);

/// <summary>Thrown when an Idempotency-Key is reused for a different request: 422.</summary>
public sealed class IdempotencyMismatchException() : ProblemException(StatusCodes.Status422UnprocessableEntity, CommonTexts.IdempotencyMismatch);

/// <summary>
/// Idempotency inside a command's transaction: the key's row is claimed first (a concurrent request with the same
/// key waits on it and then replays), and the answer is stored before commit. A failed request rolls its claim back,
/// so a retry runs again.
/// </summary>
public static class IdempotentCommand
{
    /// <summary>
    /// The one insert of a key's row: nothing when the key is taken (after waiting for a transaction that holds it),
    /// else one row <c>true</c>. Positional parameters, so that it joins a batch without rewriting.
    /// </summary>
    private const string InsertSql = """
        insert into idempotency_key (key_hash, operation, request_hash, status, response, created_at)
        values ($1, $2, $3, $4, $5, $6)
        on conflict (key_hash) do nothing
        returning true
        """;

    /// <summary>The insert as a statement of a batch: a claim (status 0, no answer yet) or the answer itself.</summary>
    public static NpgsqlBatchCommand Insert(byte[] lookup, string operation, byte[] requestHash, int status, byte[] response, DateTimeOffset now) =>
        new(InsertSql)
        {
            Parameters =
            {
                new NpgsqlParameter<byte[]>("", NpgsqlDbType.Bytea) { TypedValue = lookup },
                new NpgsqlParameter<string>("", NpgsqlDbType.Text) { TypedValue = operation },
                new NpgsqlParameter<byte[]>("", NpgsqlDbType.Bytea) { TypedValue = requestHash },
                new NpgsqlParameter<int>("", NpgsqlDbType.Integer) { TypedValue = status },
                new NpgsqlParameter<byte[]>("", NpgsqlDbType.Bytea) { TypedValue = response },
                new NpgsqlParameter<DateTimeOffset>("", NpgsqlDbType.TimestampTz) { TypedValue = now },
            },
        };

    /// <summary>Runs <see cref="Insert"/> on a connection and transaction the caller owns; false when the key was taken.</summary>
    public static async Task<bool> TryInsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, byte[] lookup, string operation,
        byte[] requestHash, int status, byte[] response, DateTimeOffset now, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { Insert(lookup, operation, requestHash, status, response, now) } };
        return await batch.ExecuteScalarAsync(ct) is true;
    }

    /// <summary>The earlier answer to replay, or null when this request claimed the key and must run.</summary>
    public static async Task<T?> ClaimOrReplayAsync<T>(this DbSession db, string key, string operation, byte[] requestHash, DateTimeOffset now,
        CancellationToken ct) where T : class
    {
        var lookup = Idempotency.LookupHash(key);
        if (await TryInsertAsync(await db.ConnectionAsync(ct), db.Transaction, lookup, operation, requestHash, 0, [], now, ct)) return null;
        var earlier = await db.QuerySingleOrDefaultAsync<IdempotentEntry>(
            "select operation, request_hash, status, response from idempotency_key where key_hash = @lookup", new { lookup }, ct)
            ?? throw new IdempotencyMismatchException();
        if (earlier.Operation != operation || !earlier.RequestHash.AsSpan().SequenceEqual(requestHash)) throw new IdempotencyMismatchException();
        return Idempotency.Open<T>(key, earlier.Response);
    }

    public static Task StoreAnswerAsync<T>(this DbSession db, string key, int status, T response, CancellationToken ct) =>
        db.ExecuteAsync("update idempotency_key set status = @status, response = @sealed where key_hash = @lookup",
            new { lookup = Idempotency.LookupHash(key), status, @sealed = Idempotency.Seal(key, response) }, ct);
}
