using System.Text.Json;
using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <summary>Adds or replaces the translation of an event's public texts into one of the configured languages.</summary>
public sealed record PutEventTranslationCommand(Guid Id, string Language, EventTranslationInput Translation) : ICommand<EventTranslation>;

public sealed class PutEventTranslationValidator : AbstractValidator<PutEventTranslationCommand>
{
    public PutEventTranslationValidator(ContentOptions content)
    {
        RuleFor(c => c.Language).ContentLanguage(content);
        RuleFor(c => c.Translation).NotNull().SetValidator(new EventTranslationInputValidator()).OverridePropertyName(""); // paths relative to the body
    }
}

/// <summary>The same limits as the Swedish texts (<see cref="EventInputValidator"/>).</summary>
public sealed class EventTranslationInputValidator : AbstractValidator<EventTranslationInput>
{
    public EventTranslationInputValidator()
    {
        RuleFor(t => t.Title).NotEmpty().MaximumLength(200);
        RuleFor(t => t.Description).MaximumLength(10_000);
        RuleFor(t => t.Problem).MaximumLength(4_000);
        RuleFor(t => t.Place).MaximumLength(500);
        RuleFor(t => t.Method).MaximumLength(500);
        RuleFor(t => t.VenueName).MaximumLength(200);
        RuleFor(t => t.AccessibilityNotes).MaximumLength(2_000);
        RuleFor(t => t.MeetingPoint).MaximumLength(500);
        RuleFor(t => t.Agenda).Must(a => a is null || a.Count <= 50).WithMessage(_ => EventTexts.AgendaAtMost.Format(50));
        RuleForEach(t => t.Agenda).NotEmpty().MaximumLength(300).OverridePropertyName("agenda");
    }
}

internal static class ContentLanguageRules
{
    /// <summary>One of <c>Content__Languages</c>, and not Swedish (the event's own texts).</summary>
    public static IRuleBuilderOptions<T, string> ContentLanguage<T>(this IRuleBuilder<T, string> rule, ContentOptions content) =>
        rule.Must(language => language != ContentOptions.Swedish).WithMessage(_ => EventTexts.SwedishIsTheEvent.Format())
            .Must(language => content.Languages.Contains(language, StringComparer.Ordinal))
            .WithMessage((_, language) => EventTexts.LanguageNotOffered.Format(language, string.Join(", ", content.Languages)))
            .OverridePropertyName("language");
}

public sealed class PutEventTranslationHandler(DbSession db, AuditLog audit, TimeProvider clock) : ICommandHandler<PutEventTranslationCommand, EventTranslation>
{
    public async ValueTask<EventTranslation> Handle(PutEventTranslationCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.LoadAsync(command.Id, ct, forUpdate: true);
        var t = command.Translation;
        await db.ExecuteAsync("""
            insert into event_translation (event_id, language, title, description, problem, place, method, venue_name, accessibility_notes,
                                           meeting_point, agenda, source_version, created_at, updated_at)
            values (@Id, @Language, @Title, @Description, @Problem, @Place, @Method, @VenueName, @AccessibilityNotes, @MeetingPoint,
                    @Agenda::jsonb, @Version, @Now, @Now)
            on conflict (event_id, language) do update set
                title = excluded.title, description = excluded.description, problem = excluded.problem, place = excluded.place,
                method = excluded.method, venue_name = excluded.venue_name, accessibility_notes = excluded.accessibility_notes,
                meeting_point = excluded.meeting_point, agenda = excluded.agenda, source_version = excluded.source_version,
                updated_at = excluded.updated_at
            """,
            new
            {
                row.Id,
                command.Language,
                Title = t.Title.Trim(),
                Description = Blank(t.Description),
                Problem = Blank(t.Problem),
                Place = Blank(t.Place),
                Method = Blank(t.Method),
                VenueName = Blank(t.VenueName),
                AccessibilityNotes = Blank(t.AccessibilityNotes),
                MeetingPoint = Blank(t.MeetingPoint),
                Agenda = JsonSerializer.Serialize(t.Agenda ?? []),
                row.Version,
                Now = now,
            }, ct);
        await Touch(db, row, now, ct);
        await audit.WriteAsync("event.translation.put", "event", row.Id.ToString(), new { command.Language, t.Title }, ct);
        var saved = (await db.QuerySingleOrDefaultAsync<EventTranslationRow>(EventTranslationRow.Select + " where t.event_id = @Id and t.language = @Language",
            new { row.Id, command.Language }, ct))!;
        return saved.ToTranslation() with
        {
            PersonalDataWarnings = ConfidentialityPolicy.Screen(("title", t.Title), ("description", t.Description), ("problem", t.Problem),
                ("place", t.Place), ("method", t.Method), ("accessibilityNotes", t.AccessibilityNotes), ("meetingPoint", t.MeetingPoint),
                ("agenda", t.Agenda is { Count: > 0 } agenda ? string.Join("\n", agenda) : null)),
        };
    }

    /// <summary>
    /// The public event changed in one language: its listings' stamp and ETags move, and a published event's calendar
    /// revision (SEQUENCE) goes up. The version staff edit against stays, so an open editor is not made stale.
    /// </summary>
    internal static Task Touch(DbSession db, EventRow row, DateTimeOffset now, CancellationToken ct) =>
        db.ExecuteAsync("""
            update event set updated_at = @Now, sequence = sequence + case when status <> 'draft' then 1 else 0 end where id = @Id
            """, new { row.Id, Now = now }, ct);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
