using FluentValidation;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

/// <summary>Rules the use cases of registrations share.</summary>
internal static class RegistrationRules
{
    /// <summary>One plain address that the mailer can send to, e.g. <c>namn@example.se</c>.</summary>
    public static bool IsAnAddress(string? email) =>
        email is null || (MimeKit.MailboxAddress.TryParse(email.Trim(), out var address) && address.Address == email.Trim()
            && email.Count(c => c == '@') == 1 && !email.Trim().EndsWith('@') && !email.Trim().StartsWith('@') && email.Trim().Contains('.'));
}

/// <summary>The secret of the manage link, sent as a header (never in a URL).</summary>
internal static class ManageTokenRules
{
    public const string Header = "X-Registration-Token";

    public static void ValidToken<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string>> token) =>
        validator.RuleFor(token).Must(SecretTokens.LooksValid).WithMessage(_ => RegistrationTexts.BadLink.Format()).OverridePropertyName(Header);
}
