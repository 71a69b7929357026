using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Features.Observations;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Measures;

/// <summary>Where a measure stands.</summary>
public enum MeasureStatus { Planned, InProgress, Completed, Cancelled }

/// <summary>A safety measure (trygghetsskapande åtgärd) as staff publish it.</summary>
/// <param name="Title">Short public title, e.g. <c>Ny belysning i gångtunneln vid Västberga allé</c>.</param>
/// <param name="Description">What is done, and why.</param>
/// <param name="AreaSlug">The neighbourhood (or the district).</param>
/// <param name="Status">Planned, in progress, completed or cancelled.</param>
/// <param name="ResponsibleActorId">The organisation doing it.</param>
/// <param name="StartsOn">When work starts (or started).</param>
/// <param name="CompletedOn">When it was completed.</param>
/// <param name="ObservationIds">The observations it answers.</param>
/// <param name="EventIds">The dialogues and walks it answers.</param>
public sealed record MeasureInput(string Title, string Description, string AreaSlug, MeasureStatus Status, Guid? ResponsibleActorId = null,
    DateOnly? StartsOn = null, DateOnly? CompletedOn = null, IReadOnlyList<Guid>? ObservationIds = null, IReadOnlyList<Guid>? EventIds = null);

/// <summary>An observation a measure answers.</summary>
public sealed record ObservationRef(Guid Id, long Number, ObservationCategory Category, string? Description, ObservationStatus Status);

/// <summary>A published safety measure.</summary>
/// <param name="Version">Row version; the same value is sent as the <c>ETag</c> header.</param>
/// <param name="PersonalDataWarnings">Only in the answer to staff who save the measure: what in the title or description looks like personal
/// data, with offsets. A warning to read the text again, never a block; null on reads.</param>
public sealed record Measure(Guid Id, string Title, string Description, AreaRef Area, string? Responsible, Guid? ResponsibleActorId, MeasureStatus Status,
    DateOnly? StartsOn, DateOnly? CompletedOn, IReadOnlyList<ObservationRef> Observations, IReadOnlyList<EventRef> Events, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<TextFinding>? PersonalDataWarnings = null);
