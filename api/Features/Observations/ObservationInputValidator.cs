using FluentValidation;

namespace Trygghet.Api.Features.Observations;

public sealed class ObservationInputValidator : AbstractValidator<ObservationInput>
{
    public ObservationInputValidator()
    {
        RuleFor(o => o.Category).IsInEnum();
        RuleFor(o => o.Description).NotEmpty().Length(3, 4_000);
        RuleFor(o => o.Severity).InclusiveBetween(1, 3);
        RuleFor(o => o.Lat).InclusiveBetween(-90, 90);
        RuleFor(o => o.Lon).InclusiveBetween(-180, 180);
    }
}
