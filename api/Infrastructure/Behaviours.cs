using System.Diagnostics;
using FluentValidation;
using Mediator;

namespace Trygghet.Api.Infrastructure;

// The pipeline every message passes, in this order: logging → validation → transaction (commands only).

public sealed class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : IMessage
{
    // Only the message's type is logged, never its content: it may hold personal data. Failures are logged once,
    // by the exception handler; without Debug logging this behaviour costs nothing on the request path.
    private static readonly string MessageType = typeof(TMessage).Name;

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct) =>
        logger.IsEnabled(LogLevel.Debug) ? Timed(message, next, ct) : next(message, ct);

    private async ValueTask<TResponse> Timed(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(message, ct);
        }
        finally
        {
            logger.LogDebug("Handled {Message} in {ElapsedMs:0.0} ms", MessageType, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}

public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : IMessage
{
    private readonly IValidator<TMessage>[] validators = validators.ToArray();

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct) =>
        validators.Length == 0 ? next(message, ct) : ValidateThenHandle(message, next, ct);

    private async ValueTask<TResponse> ValidateThenHandle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        var context = new ValidationContext<TMessage>(message);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
            failures.AddRange((await validator.ValidateAsync(context, ct)).Errors);
        if (failures.Count > 0) throw new ValidationException(failures);
        return await next(message, ct);
    }
}

/// <summary>
/// A command whose handler opens and commits its own transactions (for example to retry one that lost a race, or to
/// take a lock in a transaction of its own): the transaction behaviour leaves it alone. Say why where it is used.
/// </summary>
public interface IOwnsTransactions;

/// <summary>
/// Runs a command's handler in one database transaction: committed when the handler returns,
/// rolled back when it throws. Queries, and commands that own their transactions, pass through untouched.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(DbSession db)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct) =>
        message is IBaseCommand and not IOwnsTransactions ? InTransaction(message, next, ct) : next(message, ct);

    private async ValueTask<TResponse> InTransaction(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        await db.BeginAsync(ct);
        try
        {
            var response = await next(message, ct);
            await db.CommitAsync(ct);
            return response;
        }
        catch
        {
            await db.RollbackAsync();
            throw;
        }
    }
}
