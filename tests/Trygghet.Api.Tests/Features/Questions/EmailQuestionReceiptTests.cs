using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;
using Trygghet.Api.Infrastructure;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Questions;

/// <summary>
/// The asker e-mails the private question link to themselves: one message in their language with the link in its text
/// and HTML parts, and the address kept nowhere once the message is sent or given up.
/// </summary>
public sealed class EmailQuestionReceiptTests(ApiFixture fixture) : QuestionTest(fixture)
{
    [Theory]
    [InlineData("sv", "Din fråga till ", "Vi sparar inte din e-postadress")]
    [InlineData("en", "Your question to ", "We do not keep your e-mail address")]
    public async Task The_link_arrives_in_the_text_and_HTML_parts_in_the_askers_language(string language, string subject, string notKept)
    {
        var e = await OpenDialogueAsync();
        var receipt = await AskAsync(e.Id, "Varför är det så mörkt i gångtunneln?");

        using var response = await SendAsync(receipt.QuestionToken, "boende@example.se", language: language);
        var sent = await Api.DispatchAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, sent);
        var mail = Assert.Single(Api.Mails());
        Assert.Equal("boende@example.se", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal(subject + e.Title, mail.Subject);
        Assert.Contains(receipt.QuestionUrl, mail.TextBody);
        Assert.Contains(notKept, mail.TextBody);
        Assert.Contains(e.Title, mail.TextBody);
        Assert.Contains($"href=\"{receipt.QuestionUrl}\"", mail.HtmlBody);
        Assert.Contains(notKept, mail.HtmlBody);
    }

    [Fact]
    public async Task After_sending_no_row_anywhere_holds_the_address()
    {
        const string address = "kvitto.7f3c9a@example.se";
        var e = await OpenDialogueAsync();
        var receipt = await AskAsync(e.Id, "När lagas lamporna i parken?");

        using var response = await SendAsync(receipt.QuestionToken, address);
        var before = await RowsHolding(address);
        await Api.DispatchAsync();
        var after = await RowsHolding(address);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("outbox.recipient", before); // the sweep finds the address while the message waits
        Assert.Empty(after);
        Assert.Equal(address, Assert.Single(Assert.Single(Api.Mails()).To.Mailboxes).Address);
        Assert.Equal(1, await Scalar<int>("select count(*)::int from outbox where sent_at is not null and body = '' and recipient = ''"));
    }

    [Fact]
    public async Task A_message_given_up_keeps_no_address_and_no_log_line_names_it_while_other_mail_keeps_its_recipient()
    {
        const string address = "opalitlig.2b81@example.se";
        var e = await OpenDialogueAsync();
        var receipt = await AskAsync(e.Id, "Vem ansvarar för buskarna vid skolan?");
        await Api.RegisterAsync(e.Id, email: "anmald@example.se");
        using var response = await SendAsync(receipt.QuestionToken, address);
        var logs = new CapturingLogger<OutboxDispatcher>();
        var dispatcher = new OutboxDispatcher(Api.Services.GetRequiredService<NpgsqlDataSource>(), new FailingSender(),
            new MailOptions { MaxAttempts = 1 }, Api.Clock, logs);

        var attempted = await dispatcher.DispatchOnceAsync(CancellationToken.None);

        Assert.Equal(2, attempted);
        Assert.Empty(await RowsHolding(address));
        Assert.Contains("outbox.recipient", await RowsHolding("anmald@example.se")); // a registration's mail keeps it for retention
        Assert.Equal(2, logs.Lines.Count);
        Assert.DoesNotContain(logs.Lines, l => l.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_retry_with_the_same_key_sends_once_and_another_address_with_that_key_is_refused()
    {
        var e = await OpenDialogueAsync();
        var receipt = await AskAsync(e.Id, "Kan polisen vara mer synlig vid centrum?");
        var key = Guid.NewGuid().ToString();

        using var first = await SendAsync(receipt.QuestionToken, "boende@example.se", key);
        using var again = await SendAsync(receipt.QuestionToken, "boende@example.se", key);
        using var other = await SendAsync(receipt.QuestionToken, "annan@example.se", key);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, again.StatusCode));
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(422, (await Problems.ReadAsync(other)).Status);
        Assert.Equal(1, await Scalar<int>("select count(*)::int from outbox where kind = 'question.receipt'"));
        Assert.Equal(0, await Scalar<int>("select count(*)::int from idempotency_key where request_hash::text like '%@%' or operation like '%@%'"));
    }

    [Theory]
    [InlineData("sv", "Det finns ingen fråga med den här länken. Kontrollera att hela länken kom med.")]
    [InlineData("en", "There is no question with this link. Check that the whole link was copied.")]
    public async Task An_unknown_link_is_a_404_problem_and_sends_nothing(string language, string detail)
    {
        var e = await OpenDialogueAsync();
        await AskAsync(e.Id, "En fråga som finns.");

        using var response = await SendAsync("Zr5Tq1Wx8Km3Pv7Ny2Lb6Hd0Fg4Js9Ac-e_Oi1Uw5Qy", "boende@example.se", language: language);
        var problem = await Problems.ReadAsync(response);

        Assert.Equal(404, problem.Status);
        Assert.Equal(detail, problem.Detail);
        Assert.Equal(0, await Scalar<int>("select count(*)::int from outbox"));
    }

    [Theory]
    [InlineData("sv", "inte-en-adress", "Ange en e-postadress som namn@example.se.")]
    [InlineData("en", "inte-en-adress", "Give an e-mail address such as name@example.se.")]
    [InlineData("sv", " ", "E-postadress måste anges.")]
    [InlineData("en", "", "E-mail address is required.")]
    public async Task A_bad_address_is_a_400_problem_naming_the_field_in_the_askers_language(string language, string email, string message)
    {
        var e = await OpenDialogueAsync();
        var receipt = await AskAsync(e.Id, "Varför stängs fritidsgården?");

        using var response = await SendAsync(receipt.QuestionToken, email, language: language);
        var problem = await Problems.ReadAsync(response);

        Assert.Equal(400, problem.Status);
        Assert.Equal([message], problem.Errors["email"]);
        Assert.Equal(0, await Scalar<int>("select count(*)::int from outbox"));
    }

    [Fact]
    public async Task The_generated_client_sends_it_with_the_token_in_the_body()
    {
        var e = await OpenDialogueAsync();
        var receipt = await AskAsync(e.Id, "Hur går det med belysningen?");

        await Api.Client().EmailQuestionReceiptAsync(Guid.NewGuid().ToString(),
            new QuestionReceiptEmailRequest { QuestionToken = receipt.QuestionToken, Email = "boende@example.se" });
        var bad = await Assert.ThrowsAnyAsync<ApiException>(() => Api.Client().EmailQuestionReceiptAsync(Guid.NewGuid().ToString(),
            new QuestionReceiptEmailRequest { QuestionToken = "kort", Email = "boende@example.se" }));

        Assert.Equal(1, await Scalar<int>("select count(*)::int from outbox where kind = 'question.receipt'"));
        Assert.Equal(400, bad.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string token, string email, string? key = null, string language = "sv")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/questions/receipt-email")
        {
            Headers = { { "Idempotency-Key", key ?? Guid.NewGuid().ToString() } },
            Content = new StringContent(JsonSerializer.Serialize(new { questionToken = token, email }), Encoding.UTF8, "application/json"),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await Api.CreateClient().SendAsync(request);
    }

    /// <summary>Every column of every table that holds the value (text of any kind as text, bytes as UTF-8), as <c>table.column</c>.</summary>
    private async Task<List<string>> RowsHolding(string value)
    {
        await using var conn = new NpgsqlConnection(Fixture.Postgres.ConnectionString);
        var columns = await conn.QueryAsync<(string Table, string Column, string Type)>("""
            select c.table_name, c.column_name, c.data_type from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
            where c.table_schema = 'public' and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
            """);
        Assert.Contains(columns, c => c.Table == "outbox" && c.Column == "recipient");
        var holding = new List<string>();
        foreach (var (table, column, type) in columns)
        {
            var condition = type == "bytea"
                ? $"position(convert_to(@value, 'UTF8') in \"{column}\") > 0"
                : $"strpos(lower(\"{column}\"::text), lower(@value)) > 0";
            if (await conn.ExecuteScalarAsync<bool>($"select exists (select 1 from \"{table}\" where {condition})", new { value }))
                holding.Add($"{table}.{column}");
        }
        return holding;
    }

    private sealed class FailingSender : IMailSender
    {
        public Task SendAsync(MimeMessage message, CancellationToken ct) =>
            throw new InvalidOperationException($"Mailbox {message.To} is unavailable");
    }
}
