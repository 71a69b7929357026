using FluentValidation;

namespace Trygghet.Api.Features.Areas;

internal static class AreaRules
{
    public static IRuleBuilderOptions<T, string> AreaSlug<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(100).Matches("^[a-z0-9]+(-[a-z0-9]+)*$");
}
