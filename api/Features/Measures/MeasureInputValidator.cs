using FluentValidation;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Measures;

public sealed class MeasureInputValidator : AbstractValidator<MeasureInput>
{
    public MeasureInputValidator()
    {
        RuleFor(m => m.Title).NotEmpty().Length(3, 200);
        RuleFor(m => m.Description).NotNull().MaximumLength(10_000);
        RuleFor(m => m.AreaSlug).AreaSlug();
        RuleFor(m => m.Status).IsInEnum();
        RuleFor(m => m.CompletedOn).GreaterThanOrEqualTo(m => m.StartsOn)
            .WithMessage(_ => MeasureTexts.CompletedBeforeStart.Format()).When(m => m.StartsOn is not null && m.CompletedOn is not null);
        RuleFor(m => m.ObservationIds).Must(ids => ids is null || ids.Count <= 200).WithMessage(_ => CommonTexts.AtMostChosen.Format(200));
        RuleFor(m => m.EventIds).Must(ids => ids is null || ids.Count <= 50).WithMessage(_ => CommonTexts.AtMostChosen.Format(50));
    }
}
