using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

public sealed record IssueOpen311KeyCommand(Open311KeyRequest Request) : ICommand<Open311Key>;

public sealed class IssueOpen311KeyValidator : AbstractValidator<IssueOpen311KeyCommand>
{
    public IssueOpen311KeyValidator() => RuleFor(c => c.Request.Name).NotEmpty().MaximumLength(200).OverridePropertyName("name");
}

public sealed class IssueOpen311KeyHandler(DbSession db, TimeProvider clock, ISecretTokens tokens, AuditLog audit) : ICommandHandler<IssueOpen311KeyCommand, Open311Key>
{
    public async ValueTask<Open311Key> Handle(IssueOpen311KeyCommand command, CancellationToken ct)
    {
        var key = tokens.New();
        var row = await db.QuerySingleOrDefaultAsync<(Guid Id, DateTimeOffset CreatedAt)>("""
            insert into open311_key (name, key_hash, created_at) values (@Name, @Hash, @now) returning id, created_at
            """, new { Name = command.Request.Name.Trim(), Hash = SecretTokens.Hash(key), now = clock.GetUtcNow() }, ct);
        await audit.WriteAsync("open311.keyIssue", "open311Key", row.Id.ToString(), new { command.Request.Name }, ct);
        return new Open311Key(row.Id, command.Request.Name.Trim(), Time.Local(row.CreatedAt), null, key);
    }
}
