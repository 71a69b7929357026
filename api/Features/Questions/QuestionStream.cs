using System.Text.Json;
using Dapper;
using Npgsql;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>The two live streams of a dialogue: what everyone sees, and the moderators' queue.</summary>
public enum StreamAudience { Public, Moderators }

/// <summary>One change in a stream, numbered densely per dialogue and audience.</summary>
internal sealed record StreamItem(long Seq, string Kind, string Payload);

/// <summary>
/// Writes changes to a dialogue's streams in the transaction of the change. The head row of the stream is locked until
/// commit, so numbers are dense and follow commit order; NOTIFY is delivered at commit, never for a rolled-back change.
/// </summary>
internal static class QuestionStream
{
    public const string Channel = "question_stream";

    public static Task AppendAsync(DbSession db, Guid eventId, StreamAudience audience, string kind, Guid questionId, object payload,
        DateTimeOffset now, CancellationToken ct) =>
        db.ExecuteAsync($"""
            with head as (
                insert into question_stream_head (event_id, audience, last_seq) values (@eventId, @Audience, 1)
                on conflict (event_id, audience) do update set last_seq = question_stream_head.last_seq + 1
                returning last_seq)
            insert into question_stream_event (event_id, audience, seq, kind, question_id, payload, at)
            select @eventId, @Audience, last_seq, @kind, @questionId, @Payload::jsonb, @now from head;
            select pg_notify('{Channel}', @eventId::text || '/' || @Audience);
            """, new
        {
            eventId,
            Audience = Wire(audience),
            kind,
            questionId,
            Payload = JsonSerializer.Serialize(payload, Json.Options),
            now,
        }, ct);

    /// <summary>Everyone's stream hears about a published question's change; the moderators hear about their queue.</summary>
    public static Task PublishAsync(DbSession db, QuestionRow row, IReadOnlyList<Answer> answers, string kind, DateTimeOffset now, CancellationToken ct) =>
        AppendAsync(db, row.EventId, StreamAudience.Public, kind, row.Id, row.ToPublic(answers), now, ct);

    /// <summary>
    /// A question left public view: its earlier public events become <c>hidden</c>, so a client resuming from before
    /// them never receives its text again (numbers stay, so nobody's position moves).
    /// </summary>
    public static Task ForgetPublicAsync(DbSession db, Guid questionId, CancellationToken ct) =>
        db.ExecuteAsync("""
            update question_stream_event set kind = 'hidden', payload = jsonb_build_object('id', question_id)
            where question_id = @questionId and audience = 'public' and kind <> 'hidden'
            """, new { questionId }, ct);

    /// <summary>A redacted text replaces the text in every earlier event of the question, in both streams.</summary>
    public static Task RedactAsync(DbSession db, Guid questionId, string text, bool removeDisplayName, CancellationToken ct) =>
        db.ExecuteAsync("""
            update question_stream_event
            set payload = case when @removeDisplayName and payload ? 'displayName'
                               then jsonb_set(jsonb_set(payload, '{text}', to_jsonb(@text::text)), '{displayName}', 'null'::jsonb)
                               else jsonb_set(payload, '{text}', to_jsonb(@text::text)) end
            where question_id = @questionId and payload->>'text' is not null
            """, new { questionId, text, removeDisplayName }, ct);

    public static string Wire(StreamAudience audience) => audience == StreamAudience.Public ? "public" : "moderators";

    public static async Task<long> HeadAsync(DbSession db, Guid eventId, StreamAudience audience, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<long?>("select last_seq from question_stream_head where event_id = @eventId and audience = @Audience",
            new { eventId, Audience = Wire(audience) }, ct) ?? 0;

    public static async Task<IReadOnlyList<StreamItem>> ReadAfterAsync(NpgsqlConnection connection, Guid eventId, StreamAudience audience, long after,
        CancellationToken ct) =>
        (await connection.QueryAsync<StreamItem>(new CommandDefinition("""
            select seq, kind, payload::text as payload from question_stream_event
            where event_id = @eventId and audience = @Audience and seq > @after order by seq limit 1000
            """, new { eventId, Audience = Wire(audience), after }, cancellationToken: ct))).AsList();
}

/// <summary>A question that is no longer public (hidden, merged or rejected after publication): clients remove it.</summary>
public sealed record HiddenQuestion(Guid Id);
