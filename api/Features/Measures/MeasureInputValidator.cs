using FluentValidation;
using Trygghet.Api.Features.Areas;

namespace Trygghet.Api.Features.Measures;

public sealed class MeasureInputValidator : AbstractValidator<MeasureInput>
{
    public MeasureInputValidator()
    {
        RuleFor(m => m.Title).NotEmpty().Length(3, 200);
        RuleFor(m => m.Description).NotNull().MaximumLength(10_000);
        RuleFor(m => m.AreaSlug).AreaSlug();
        RuleFor(m => m.Status).IsInEnum();
        RuleFor(m => m.CompletedOn).GreaterThanOrEqualTo(m => m.StartsOn).When(m => m.StartsOn is not null && m.CompletedOn is not null);
        RuleFor(m => m.ObservationIds).Must(ids => ids is null || ids.Count <= 200);
        RuleFor(m => m.EventIds).Must(ids => ids is null || ids.Count <= 50);
    }
}
