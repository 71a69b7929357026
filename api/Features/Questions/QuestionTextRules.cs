using FluentValidation;

namespace Trygghet.Api.Features.Questions;

/// <summary>What a question's text, a reason and an answer must be: plain text, and a question of a readable length.</summary>
public static class QuestionTextRules
{
    /// <summary>Plain text only: line breaks and tabs are fine, other control characters are not.</summary>
    public static bool IsPlain(string? text) => text is null || !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    public static IRuleBuilderOptions<T, string?> QuestionBody<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => t is not null && t.Trim().Length is >= 3 and <= 1_000)
            .WithMessage(_ => QuestionTexts.Length.Format()).Must(IsPlain).WithMessage(_ => QuestionTexts.ControlCharacters.Format());
}
