namespace Trygghet.Api.Tests.Features.Registrations;

internal static class RegistrationTally
{
    /// <summary>The running tally agrees with the rows it counts.</summary>
    public static async Task AssertMatchesRowsAsync(string connectionString)
    {
        await using var conn = new Npgsql.NpgsqlConnection(connectionString);
        Assert.Equal(
            await Dapper.SqlMapper.ExecuteScalarAsync<string>(conn, """
                select coalesce(string_agg(x, ',' order by x), '') from (
                    select event_id || '/' || mode || '/' || count(*) filter (where status = 'confirmed') || '/' || count(*) filter (where status = 'waitlisted') as x
                    from registration group by event_id, mode) s
                """),
            await Dapper.SqlMapper.ExecuteScalarAsync<string>(conn, """
                select coalesce(string_agg(x, ',' order by x), '') from (
                    select event_id || '/' || mode || '/' || sum(confirmed) || '/' || sum(waitlisted) as x from registration_tally group by event_id, mode) s
                """));
    }
}
