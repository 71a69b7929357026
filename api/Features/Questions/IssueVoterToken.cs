using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>A voter token: send it in the <c>X-Voter-Token</c> header with each vote. Keep it for the whole event.</summary>
public sealed record VoterToken(string Token);

/// <summary>A token to vote with, without an account; only its hash is kept.</summary>
public sealed record IssueVoterTokenCommand : ICommand<VoterToken>;

public sealed class IssueVoterTokenHandler(DbSession db, TimeProvider clock, ISecretTokens tokens) : ICommandHandler<IssueVoterTokenCommand, VoterToken>
{
    public async ValueTask<VoterToken> Handle(IssueVoterTokenCommand command, CancellationToken ct)
    {
        var token = tokens.New();
        await db.ExecuteAsync("insert into voter_token (token_hash, issued_at) values (@Hash, @now)",
            new { Hash = SecretTokens.Hash(token), now = clock.GetUtcNow() }, ct);
        return new VoterToken(token);
    }
}
