using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Dev;

/// <summary>The contract's example of asking for a development token.</summary>
public sealed class DevExamples : IContractExamples
{
    public IEnumerable<object> Examples =>
    [
        new DevTokenRequest(DevRole.Staff),
        new DevToken("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkZXYtc3RhZmYiLCJyb2xlIjoic3RhZmYifQ.c2lnbmF0dXJl",
            new DateTimeOffset(2027, 2, 3, 17, 15, 0, TimeSpan.FromHours(1))),
    ];
}
