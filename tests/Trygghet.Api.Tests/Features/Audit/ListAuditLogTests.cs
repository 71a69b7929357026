using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Audit;

public sealed class ListAuditLogTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    [Fact]
    public async Task Admins_read_who_did_what_in_the_audit_log_newest_first()
    {
        var planner = await Planner.StaffAsync(Api);
        var published = await planner.PublishedAsync(Planner.Dialogue(Now.AddDays(30)));
        var admin = await Api.ClientAs(DevRole.Admin);

        var page1 = await admin.ListAuditLogAsync(entityType: "event", entityId: published.Id.ToString(), limit: 2);
        var page2 = await admin.ListAuditLogAsync(entityType: "event", entityId: published.Id.ToString(), limit: 2, cursor: page1.NextCursor);

        Assert.Equal(["event.publish", "event.invite"], page1.Items.Select(e => e.Action));
        Assert.Equal(["event.create"], page2.Items.Select(e => e.Action));
        Assert.All(page1.Items.Concat(page2.Items), e => Assert.Equal(("dev-staff", "staff"), (e.Subject, e.Role)));
        Assert.Null(page2.NextCursor);
    }
}
