namespace Trygghet.Api.Tests.Infrastructure;

/// <summary>The API's clock in tests: real time until a test moves it (forwards or back).</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? fixedNow;

    public override DateTimeOffset GetUtcNow() => fixedNow ?? base.GetUtcNow();

    public void Set(DateTimeOffset now) => fixedNow = now.ToUniversalTime();

    public void Reset() => fixedNow = null;
}
