using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using SkiaSharp;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Observations;

/// <summary>
/// Residents report without an account, with a place and an optional photo: the photo is checked by content, re-encoded
/// without metadata, held until staff have looked at it, then public with long-lived caching, and erased with the report's
/// personal data.
/// </summary>
public sealed class ReportObservationTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const double Lat = 59.2846, Lon = 17.9694; // Fruängen

    [Fact]
    public async Task A_photo_with_EXIF_GPS_is_held_then_public_upright_and_without_any_metadata()
    {
        var upload = TestPhotos.JpegWithExifGps(200, 100);
        Assert.Contains(ImageMetadataReader.ReadMetadata(new MemoryStream(upload)), d => d is GpsDirectory); // the test's photo does carry GPS
        var resident = Api.Client();

        var reported = await resident.ReportObservationAsync(Guid.NewGuid().ToString(), ObservationCategory.Lighting,
            "Lampan vid gångtunneln är trasig.", Lat, Lon, null, "fruangen", null, "ada@example.se",
            new FileParameter(new MemoryStream(upload), "IMG_0001.jpg", "image/jpeg"));
        var heldPublicly = await Api.CreateClient().GetAsync($"/api/v1/observations/{reported.Id}/photo");
        var staffHttp = Api.CreateClient();
        staffHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TokenFor(DevRole.Staff));
        var heldForStaff = await staffHttp.GetAsync($"/api/v1/observations/{reported.Id}/photo");
        var staff = await Api.ClientAs(DevRole.Staff);
        var queue = await staff.ListHeldObservationsAsync(null, null);
        var cleared = await staff.ClearObservationPhotoAsync(reported.Id);
        var observation = await resident.GetObservationAsync(reported.Id);
        var photo = await Api.CreateClient().GetAsync(observation.Photo!.Url);
        var unversioned = await Api.CreateClient().GetAsync($"/api/v1/observations/{reported.Id}/photo");
        var thumbnail = await Api.CreateClient().GetAsync(observation.Photo.ThumbnailUrl);
        var served = await photo.Content.ReadAsByteArrayAsync();

        Assert.True(reported.PhotoHeld);
        Assert.Null(reported.Photo);
        Assert.Equal("fruangen", reported.Area.Slug);
        Assert.Equal(HttpStatusCode.NotFound, heldPublicly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, heldForStaff.StatusCode);
        Assert.True(heldForStaff.Headers.CacheControl is { Private: true, NoStore: true });
        var review = Assert.Single(queue.Items, r => r.Id == reported.Id);
        Assert.Equal((PhotoStatus.Held, "resident", Lat), (review.Photo!.Status, review.ReporterKind, review.Lat));
        Assert.Equal(PhotoStatus.Cleared, cleared.Photo!.Status);
        Assert.DoesNotContain((await staff.ListHeldObservationsAsync(null, null)).Items, r => r.Id == reported.Id);

        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        Assert.True(photo.Headers.CacheControl is { Public: true, MaxAge.TotalDays: 365 } cache && cache.Extensions.Any(e => e.Name == "immutable"),
            $"{photo.Headers.CacheControl}");
        Assert.True(unversioned.Headers.CacheControl is { Public: true, MaxAge.TotalSeconds: 0 }, $"{unversioned.Headers.CacheControl}");
        Assert.NotNull(unversioned.Headers.ETag);
        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(served));
        Assert.DoesNotContain(directories, d => d is ExifDirectoryBase); // EXIF IFD0, SubIFD, GPS, interop: none
        Assert.DoesNotContain(directories, d => d.Name is "XMP" or "ICC Profile" or "IPTC" or "Photoshop");
        Assert.False(served.AsSpan().IndexOf("Exif\0\0"u8) >= 0);
        Assert.False(served.AsSpan().IndexOf("TestCam"u8) >= 0);

        // The EXIF orientation (6: turn 90° clockwise) was applied before it was dropped: the left (red) half is now on top.
        using var bitmap = SKBitmap.Decode(served);
        Assert.Equal((100, 200), (bitmap.Width, bitmap.Height));
        Assert.True(bitmap.GetPixel(50, 30).Red > 200 && bitmap.GetPixel(50, 30).Blue < 60, $"top is {bitmap.GetPixel(50, 30)}");
        Assert.True(bitmap.GetPixel(50, 170).Blue > 200 && bitmap.GetPixel(50, 170).Red < 60, $"bottom is {bitmap.GetPixel(50, 170)}");
        using var thumb = SKBitmap.Decode(await thumbnail.Content.ReadAsByteArrayAsync());
        Assert.True(Math.Max(thumb.Width, thumb.Height) <= 320);
    }

    [Fact]
    public async Task A_large_photo_is_scaled_to_its_longest_side_and_Open311_points_to_the_public_photo()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var report = await Api.Client().ReportObservationAsync(Guid.NewGuid().ToString(), ObservationCategory.Graffiti, "Klotter på tunnelväggen.",
            Lat, Lon, 1, null, null, null, new FileParameter(new MemoryStream(TestPhotos.Png(3000, 1000)), "bild.png", "image/png"));
        var withoutPhoto = await Api.Client().ReportObservationAsync(Guid.NewGuid().ToString(), ObservationCategory.Litter, "Full papperskorg vid bussen.",
            Lat, Lon, null, null, null, null, null!);
        var beforeClearing = await Api.CreateClient().GetAsync($"/open311/v2/requests/{report.Number}.json");
        var listedBefore = await Api.Client().ListObservationsAsync(limit: 100);
        var staffListedBefore = await staff.ListObservationsAsync(limit: 100);

        await staff.ClearObservationPhotoAsync(report.Id);
        var observation = await Api.Client().GetObservationAsync(report.Id);
        var afterClearing = await Open311MediaUrlAsync(report.Number);
        var listedAfter = await Api.Client().ListObservationsAsync(limit: 100);
        Assert.DoesNotContain(listedBefore.Items, o => o.Id == report.Id);
        Assert.Contains(listedAfter.Items, o => o.Id == report.Id);
        Assert.Contains(listedBefore.Items, o => o.Id == withoutPhoto.Id);
        // Staff see it listed while it waits, so new reports are in their follow-up at once.
        Assert.Contains(staffListedBefore.Items, o => o.Id == report.Id && o.PhotoHeld);

        Assert.Equal((2048, 683), (observation.Photo!.Width, observation.Photo.Height));
        Assert.False(withoutPhoto.PhotoHeld);
        Assert.Null(await Open311MediaUrlAsync(withoutPhoto.Number));
        Assert.Equal(HttpStatusCode.NotFound, beforeClearing.StatusCode); // held: not published at all until staff have looked at the photo
        Assert.Equal("http://localhost" + observation.Photo.Url, afterClearing);
        Assert.Equal(HttpStatusCode.OK, (await Api.CreateClient().GetAsync(new Uri(afterClearing!))).StatusCode);

        await staff.RemoveObservationPhotoAsync(report.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.CreateClient().GetAsync(observation.Photo.Url)).StatusCode);
        Assert.Null(await Open311MediaUrlAsync(report.Number));
        Assert.Equal(0, await Scalar<long>("select count(*) from observation_photo"));
    }

    [Fact]
    public async Task Wrong_content_is_a_415_problem_whatever_the_name_and_changes_nothing()
    {
        var http = Api.CreateClient();
        var heic = new byte[64];
        "\0\0\0\u0018ftypheic"u8.CopyTo(heic);
        var cases = new (string Name, byte[] Content, string Declared)[]
        {
            ("text named .jpg", Encoding.UTF8.GetBytes("inte en bild alls"), "image/jpeg"),
            ("GIF", Encoding.ASCII.GetBytes("GIF89a\u0001\0\u0001\0\0\0\0;"), "image/jpeg"),
            ("a JPEG's first bytes and nothing after", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 1, 2, 3], "image/jpeg"),
            ("PDF named .png", Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "image/png"),
        };
        var answers = new List<(string, int, string?)>();
        foreach (var (name, content, declared) in cases)
        {
            var response = await http.SendAsync(Report(Guid.NewGuid().ToString(), content, declared, "foto.jpg"));
            answers.Add((name, (await Problems.ReadAsync(response)).Status, null));
        }
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var heicProblem = await Problems.ReadAsync(await http.SendAsync(Report(Guid.NewGuid().ToString(), heic, "image/heic", "IMG_0002.HEIC")));
        var json = await Problems.ReadAsync(await http.PostAsync("/api/v1/observations/reports", new StringContent("{}", Encoding.UTF8, "application/json")));

        Assert.All(answers, a => Assert.Equal(415, a.Item2));
        Assert.Equal(415, heicProblem.Status);
        Assert.Contains("HEIC", heicProblem.Detail);
        Assert.Contains("Most Compatible", heicProblem.Detail);
        Assert.Equal(415, json.Status);
        Assert.Equal(0, await Scalar<long>("select count(*) from observation"));
        Assert.Equal(0, await Scalar<long>("select count(*) from idempotency_key"));
    }

    [Fact]
    public async Task Oversize_photos_are_a_413_problem_from_Content_Length_or_the_file_and_reports_are_rate_limited()
    {
        await using var limited = new ApiFactory(Fixture.Postgres.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Photos:MaxBytes"] = "20000",
            ["Api:AnonymousWritesPerMinute"] = "2", // the 413 from Content-Length is refused before the limiter counts it
            ["Database:MigrateOnStartup"] = "false",
        });
        var http = limited.CreateClient();
        Assert.Equal(20_000, Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Trygghet.Api.Features.Observations.PhotoOptions>(limited.Services).MaxBytes);
        var photo = TestPhotos.Png(100, 100, noise: true); // over the limit, though the whole form is within it with the form's margin
        Assert.InRange(photo.Length, 20_001, 20_000 + 60_000);

        var overFile = await http.SendAsync(Report(Guid.NewGuid().ToString(), photo, "image/png", "bild.png"));
        var overBody = await http.SendAsync(Report(Guid.NewGuid().ToString(), new byte[200_000], "image/png", "bild.png"));
        var accepted = await http.SendAsync(Report(Guid.NewGuid().ToString(), TestPhotos.Png(40, 40), "image/png", "liten.png"));
        var limitedAnswer = await http.SendAsync(Report(Guid.NewGuid().ToString(), TestPhotos.Png(40, 40), "image/png", "liten.png"));

        Assert.Equal(413, (await Problems.ReadAsync(overFile)).Status);
        Assert.Equal(413, (await Problems.ReadAsync(overBody)).Status);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(429, (await Problems.ReadAsync(limitedAnswer)).Status);
        Assert.True(limitedAnswer.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(1, await Scalar<long>("select count(*) from observation"));
        Assert.Equal(1, await Scalar<long>("select count(*) from observation_photo"));
    }

    [Fact]
    public async Task A_retry_with_the_same_key_answers_the_same_and_records_nothing_new()
    {
        var key = Guid.NewGuid().ToString();
        var photo = TestPhotos.Png(60, 40);
        var first = await Api.CreateClient().SendAsync(Report(key, photo, "image/png", "bild.png"));
        var retry = await Api.CreateClient().SendAsync(Report(key, photo, "image/png", "bild.png"));
        var otherReport = await Api.CreateClient().SendAsync(Report(key, TestPhotos.Png(61, 40), "image/png", "bild.png"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(422, (await Problems.ReadAsync(otherReport)).Status);
        Assert.Equal(1, await Scalar<long>("select count(*) from observation"));
        Assert.Equal(1, await Scalar<long>("select count(*) from observation_photo"));
    }

    [Fact]
    public async Task Bad_fields_are_a_400_naming_them_and_a_point_outside_the_district_names_its_coordinates()
    {
        var http = Api.CreateClient();
        var outside = await Problems.ReadAsync(await http.SendAsync(Report(Guid.NewGuid().ToString(), null, null, null, lat: "59.3326", lon: "18.0649")));
        var bad = await Problems.ReadAsync(await http.SendAsync(Report(Guid.NewGuid().ToString(), null, null, null, lat: "59,28", category: "lamps",
            email: "inte-en-adress")));
        var withHeldText = await Api.Client().ReportObservationAsync(Guid.NewGuid().ToString(), ObservationCategory.Other,
            "Ring mig på 070-123 45 67 om saken.", Lat, Lon, null, null, null, null, null!);

        Assert.Equal(400, outside.Status);
        Assert.Equal(["latitude", "longitude"], outside.Errors.Keys.Order());
        Assert.Equal(["category", "email", "latitude"], bad.Errors.Keys.Order());
        Assert.True(withHeldText.DescriptionHeld);
        Assert.Null(withHeldText.Description);
        Assert.Equal(0, await Scalar<long>("select count(*) from observation where reporter_kind = 'resident' and description like '%Fruäng%'"));
    }

    [Fact]
    public async Task The_photo_and_e_mail_address_are_erased_with_the_reports_personal_data_once_it_has_long_been_dealt_with()
    {
        var staff = await Api.ClientAs(DevRole.Staff);
        var report = await Api.Client().ReportObservationAsync(Guid.NewGuid().ToString(), ObservationCategory.Lighting, "Trasig lampa vid trappan.",
            Lat, Lon, null, null, null, "bo@example.se", new FileParameter(new MemoryStream(TestPhotos.Png(80, 60)), "bild.png", "image/png"));
        var open = await Api.Client().ReportObservationAsync(Guid.NewGuid().ToString(), ObservationCategory.Lighting, "En annan lampa.",
            Lat, Lon, null, null, null, "cy@example.se", new FileParameter(new MemoryStream(TestPhotos.Png(80, 60)), "bild.png", "image/png"));
        await staff.ClearObservationPhotoAsync(report.Id);
        await staff.ChangeObservationStatusAsync(report.Id, new StatusChangeRequest { Status = ObservationStatus.Closed, Note = "Lampan är lagad." });
        var url = (await Api.Client().GetObservationAsync(report.Id)).Photo!.Url;

        Api.Clock.Set(Api.Clock.GetUtcNow().AddDays(89));
        await Api.DispatchAsync();
        var kept = await Scalar<long>("select count(*) from observation_photo where observation_id = @Id", new { report.Id });
        Api.Clock.Set(Api.Clock.GetUtcNow().AddDays(2));
        await Api.DispatchAsync();

        Assert.Equal(1, kept);
        Assert.Equal(0, await Scalar<long>("select count(*) from observation_photo where observation_id = @Id", new { report.Id }));
        Assert.Equal(0, await Scalar<long>("select count(*) from observation where reporter_email = 'bo@example.se'"));
        Assert.Equal(HttpStatusCode.NotFound, (await Api.CreateClient().GetAsync(url)).StatusCode);
        Assert.Null((await Api.Client().GetObservationAsync(report.Id)).Photo);
        Assert.Equal("Trasig lampa vid trappan.", (await Api.Client().GetObservationAsync(report.Id)).Description); // the report itself stays
        // A report still open keeps what its reporter gave.
        Assert.Equal(1, await Scalar<long>("select count(*) from observation where id = @Id and reporter_email = 'cy@example.se'", new { open.Id }));
        Assert.Equal(1, await Scalar<long>("select count(*) from observation_photo where observation_id = @Id", new { open.Id }));
    }

    [Fact]
    public void The_generated_TypeScript_client_sends_the_report_as_a_form_with_the_photo_as_a_file()
    {
        var client = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "client-generated", "typescript", "src", "client.ts"));
        var start = client.IndexOf("    reportObservation(idempotencyKey: string", client.IndexOf("export class TrygghetClient", StringComparison.Ordinal), StringComparison.Ordinal);
        var method = client[start..client.IndexOf("\n    }\n", start, StringComparison.Ordinal)];

        Assert.Contains("photo?: FileParameter | null | undefined", method);
        Assert.Contains("const content_ = new FormData();", method);
        Assert.Contains("content_.append(\"photo\", photo.data, photo.fileName ? photo.fileName : \"photo\");", method);
        Assert.Contains("\"Idempotency-Key\": idempotencyKey", method);
        Assert.Contains("content_.append(\"latitude\", latitude.toString());", method); // a number's toString has a decimal point
        Assert.DoesNotContain("Content-Type", method); // the browser sets the multipart boundary itself
    }

    [Fact]
    public async Task The_demo_has_residents_reports_one_with_a_public_photo_without_metadata_and_one_held()
    {
        await using var demo = new ApiFactory(Fixture.Postgres.ConnectionString, settings: new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
        var client = demo.Client();

        var fruangen = await client.ListObservationsAsync(area: "fruangen", limit: 100);
        var withPhoto = Assert.Single(fruangen.Items, o => o.Photo is not null);
        var photo = await demo.CreateClient().GetByteArrayAsync(withPhoto.Photo!.Url);
        var held = await (await demo.ClientAs(DevRole.Staff)).ListHeldObservationsAsync(limit: 100);

        // The report whose photo waits for staff is in their review, not in the public list.
        Assert.DoesNotContain(fruangen.Items, o => o.PhotoHeld);
        Assert.Single(held.Items, o => o.Photo is { Status: PhotoStatus.Held });
        Assert.DoesNotContain(ImageMetadataReader.ReadMetadata(new MemoryStream(photo)), d => d is ExifDirectoryBase);
        Assert.Equal(3, await Scalar<long>("select count(*) from observation where reporter_kind = 'resident'"));
    }

    private async Task<string?> Open311MediaUrlAsync(long number)
    {
        var json = await Api.CreateClient().GetStringAsync($"/open311/v2/requests/{number}.json");
        return (string?)System.Text.Json.Nodes.JsonNode.Parse(json)![0]!["media_url"];
    }

    private static HttpRequestMessage Report(string key, byte[]? photo, string? declared, string? fileName, string lat = "59.2846", string lon = "17.9694",
        string category = "lighting", string? email = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(category), "category" },
            { new StringContent("Trasig lampa vid gångvägen."), "description" },
            { new StringContent(lat), "latitude" },
            { new StringContent(lon), "longitude" },
        };
        if (email is not null) form.Add(new StringContent(email), "email");
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue(declared!);
            form.Add(file, "photo", fileName!);
        }
        return new HttpRequestMessage(HttpMethod.Post, "/api/v1/observations/reports") { Content = form, Headers = { { "Idempotency-Key", key } } };
    }
}

/// <summary>Photos made for the tests: no rights, and only the metadata a test puts in on purpose.</summary>
public static class TestPhotos
{
    public static byte[] Png(int width, int height, bool noise = false)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(7);
        for (var x = 0; x < width; x++)
            for (var y = 0; y < height; y++)
                bitmap.SetPixel(x, y, noise ? new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)) : new SKColor((byte)x, 120, (byte)y));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// A JPEG, left half red and right half blue, with an APP1 Exif segment spliced in after SOI: orientation 6 (turn 90°
    /// clockwise to view), a camera make, and GPS latitude and longitude of a front door in Fruängen.
    /// </summary>
    public static byte[] JpegWithExifGps(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2f, height, red);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        var jpeg = data.ToArray();

        var tiff = new List<byte>();
        void U16(int v) { tiff.Add((byte)v); tiff.Add((byte)(v >> 8)); }
        void U32(long v) { for (var i = 0; i < 4; i++) tiff.Add((byte)(v >> (8 * i))); }
        void Entry(int tag, int type, int count, long value) { U16(tag); U16(type); U32(count); U32(value); }
        // Layout: header (8), IFD0 with 3 entries (2 + 36 + 4 = 42) at 8, GPS IFD with 4 entries (2 + 48 + 4 = 54) at 50,
        // then the make (8 bytes) at 104 and six rationals (48 bytes) at 112.
        tiff.AddRange("II"u8.ToArray()); U16(42); U32(8);
        U16(3);
        Entry(0x010F, 2, 8, 104); // Make
        Entry(0x0112, 3, 1, 6); // Orientation
        Entry(0x8825, 4, 1, 50); // GPS IFD
        U32(0);
        U16(4);
        Entry(0x0001, 2, 2, 'N'); // GPSLatitudeRef
        Entry(0x0002, 5, 3, 112); // GPSLatitude
        Entry(0x0003, 2, 2, 'E'); // GPSLongitudeRef
        Entry(0x0004, 5, 3, 136); // GPSLongitude
        U32(0);
        tiff.AddRange("TestCam\0"u8.ToArray());
        foreach (var (n, d) in new[] { (59, 1), (17, 1), (420, 100), (17, 1), (58, 1), (990, 100) }) { U32(n); U32(d); }

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var app1 = new byte[] { 0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2) }.Concat(payload);
        return jpeg.Take(2).Concat(app1).Concat(jpeg.Skip(2)).ToArray();
    }
}
