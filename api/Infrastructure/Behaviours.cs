using System.Diagnostics;
using FluentValidation;
using Mediator;

namespace Trygghet.Api.Infrastructure;

// The pipeline every message passes, in this order: logging → validation → transaction (commands only).

public sealed class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        // Only the message's type is logged, never its content: it may hold personal data.
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, ct);
            if (logger.IsEnabled(LogLevel.Debug))
                logger.LogDebug("Handled {Message} in {ElapsedMs:0.0} ms", typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception e) when (e is not ValidationException and not ProblemException)
        {
            logger.LogWarning("{Message} failed after {ElapsedMs:0.0} ms: {Error}", typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name);
            throw;
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
/// Runs a command's handler in one database transaction: committed when the handler returns,
/// rolled back when it throws. Queries pass through untouched.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(DbSession db)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct) =>
        message is IBaseCommand ? InTransaction(message, next, ct) : next(message, ct);

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
