using Microsoft.Extensions.Time.Testing;

namespace Trygghet.Api.Tests.Support;

/// <summary>
/// The API's clock in tests: real time until a test sets it; from then a <see cref="FakeTimeProvider"/> that
/// stands still until the test moves it (forwards with <see cref="Advance"/>, or anywhere with <see cref="Set"/>).
/// </summary>
public sealed class TestClock : TimeProvider
{
    private FakeTimeProvider? fake;

    public override DateTimeOffset GetUtcNow() => fake?.GetUtcNow() ?? base.GetUtcNow();

    public void Set(DateTimeOffset now) => fake = new FakeTimeProvider(now.ToUniversalTime());

    public void Advance(TimeSpan by) => (fake ??= new FakeTimeProvider(base.GetUtcNow())).Advance(by);

    public void Reset() => fake = null;
}
