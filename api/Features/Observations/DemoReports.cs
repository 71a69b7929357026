using Dapper;
using Npgsql;
using SkiaSharp;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>
/// Residents' reports for the demo: one with a photo staff have cleared (drawn here, at seed time: no rights, no
/// metadata), one whose photo still waits for staff, and one without a photo.
/// </summary>
public sealed class DemoReportsTask(NpgsqlDataSource dataSource, TimeProvider clock) : IStartupTask
{
    /// <summary>After the demo events (20): the reports sit beside the demo walks.</summary>
    public int Order => 30;

    public bool DemoOnly => true;

    public async Task RunAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await DemoReports.SeedAsync(conn, tx, clock.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
    }
}

public static class DemoReports
{
    private static readonly (string Area, string Category, string Description, double Lat, double Lon, bool Photo, bool Cleared)[] Reports =
    [
        ("fruangen", "lighting", "Lampan vid gångvägen mot tunnelbanan är släckt, det är kolsvart efter klockan fem.", 59.2866, 17.9655, true, true),
        ("fruangen", "vegetation", "Buskarna har vuxit över gångvägen vid lekplatsen, man ser inte vem som kommer.", 59.2875, 17.9662, true, false),
        ("aspudden", "litter", "Papperskorgen vid busshållplatsen är full och skräpet blåser ut på gångvägen.", 59.3070, 18.0005, false, false),
    ];

    public static async Task SeedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DateTimeOffset now, CancellationToken ct)
    {
        if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from observation where reporter_kind = 'resident')",
                transaction: tx, cancellationToken: ct)))
            return;
        var index = 0;
        foreach (var (area, category, description, lat, lon, hasPhoto, cleared) in Reports)
        {
            var reported = now.AddDays(-3 + index++);
            var id = await conn.ExecuteScalarAsync<Guid>(new CommandDefinition("""
                insert into observation (category, description, severity, lat, lon, area_id, reporter_kind, reporter_ref, created_at, updated_at)
                select @category, @description, 2, @lat, @lon, a.id, 'resident', 'anonymous', @reported, @reported from area a where a.slug = @area
                returning id
                """, new { category, description, lat, lon, area, reported }, tx, cancellationToken: ct));
            await conn.ExecuteAsync(new CommandDefinition("insert into observation_history (observation_id, at, status) values (@id, @reported, 'reported')",
                new { id, reported }, tx, cancellationToken: ct));
            if (!hasPhoto) continue;
            var photo = PhotoProcessor.Process(DrawPath(lit: category != "lighting"), new PhotoOptions());
            await conn.ExecuteAsync(new CommandDefinition("""
                insert into observation_photo (observation_id, status, version, image, width, height, thumbnail, thumb_width, thumb_height, created_at, reviewed_at)
                values (@id, @Status, @Version, @Image, @Width, @Height, @Thumbnail, @ThumbWidth, @ThumbHeight, @reported, @ReviewedAt)
                """, new
            {
                id,
                Status = cleared ? "cleared" : "held",
                photo.Version,
                photo.Image,
                photo.Width,
                photo.Height,
                photo.Thumbnail,
                photo.ThumbWidth,
                photo.ThumbHeight,
                reported,
                ReviewedAt = cleared ? reported.AddHours(2) : (DateTimeOffset?)null,
            }, tx, cancellationToken: ct));
        }
    }

    /// <summary>A footpath at dusk between bushes, with a street lamp (dark or lit), as a PNG.</summary>
    private static byte[] DrawPath(bool lit)
    {
        const int Width = 1200, Height = 900;
        using var bitmap = new SKBitmap(Width, Height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, Height),
                    [new SKColor(18, 24, 48), new SKColor(52, 58, 82)], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, Width, Height, sky);
            using var grass = new SKPaint { Color = new SKColor(28, 52, 34) };
            canvas.DrawRect(0, 520, Width, Height - 520, grass);
            using var path = SKPath.ParseSvgPathData("M520 520 L680 520 L1000 900 L200 900 Z");
            using var asphalt = new SKPaint { Color = new SKColor(70, 72, 78), IsAntialias = true };
            canvas.DrawPath(path, asphalt);
            using var bush = new SKPaint { Color = new SKColor(22, 70, 36), IsAntialias = true };
            foreach (var (x, y, r) in new[] { (140f, 560f, 120f), (300f, 520f, 90f), (900f, 540f, 130f), (1080f, 600f, 110f) })
                canvas.DrawCircle(x, y, r, bush);
            using var pole = new SKPaint { Color = new SKColor(40, 40, 44), StrokeWidth = 14, IsAntialias = true };
            canvas.DrawLine(760, 620, 760, 240, pole);
            using var lamp = new SKPaint { Color = lit ? new SKColor(255, 226, 150) : new SKColor(60, 60, 64), IsAntialias = true };
            canvas.DrawCircle(760, 230, 28, lamp);
            if (lit)
            {
                using var glow = new SKPaint
                {
                    Shader = SKShader.CreateRadialGradient(new SKPoint(760, 230), 260, [new SKColor(255, 226, 150, 110), SKColors.Transparent],
                        SKShaderTileMode.Clamp),
                };
                canvas.DrawCircle(760, 230, 260, glow);
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
