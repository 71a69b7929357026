using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>How people in the room join a dialogue's questions: the short code, its link and the page it opens.</summary>
/// <param name="Code">Six characters without look-alikes (no 0/O, 1/I/L), the same for the dialogue's whole life.</param>
/// <param name="ShortUrl">The link to type or scan: <c>Site__PublicUrl</c> + <c>/q/</c> + the code. The app sends it on to <c>QuestionsUrl</c>.</param>
/// <param name="QuestionsUrl">The dialogue's questions page in the app.</param>
public sealed record JoinLink(string Code, string ShortUrl, string QuestionsUrl);

/// <summary>The join link of a public dialogue (not a draft).</summary>
public sealed record GetJoinLinkQuery(string IdOrSlug) : IQuery<JoinLink>;

public sealed class GetJoinLinkHandler(DbSession db, SiteOptions site) : IQueryHandler<GetJoinLinkQuery, JoinLink>
{
    public async ValueTask<JoinLink> Handle(GetJoinLinkQuery query, CancellationToken ct)
    {
        var dialogue = await db.QuerySingleOrDefaultAsync<JoinRow>(
            "select id, slug from event where kind = 'dialogue' and status <> 'draft' and (slug = @IdOrSlug or id::text = @IdOrSlug)", query, ct)
            ?? throw new NotFoundException(QuestionTexts.DialogueNotFound, query.IdOrSlug);
        return JoinLinks.Of(site, dialogue.Id, dialogue.Slug);
    }
}

internal sealed record JoinRow(Guid Id, string Slug);

internal static class JoinLinks
{
    public static JoinLink Of(SiteOptions site, Guid eventId, string slug)
    {
        var code = JoinCodes.For(eventId);
        var root = site.PublicUrl.TrimEnd('/');
        return new JoinLink(code, $"{root}/q/{code}", $"{root}/dialoger/{Uri.EscapeDataString(slug)}/fragor");
    }
}
