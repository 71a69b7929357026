using System.Security.Cryptography;
using SkiaSharp;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>Limits of the photos residents attach to a report (<c>Photos:*</c>).</summary>
public sealed class PhotoOptions
{
    /// <summary>Largest photo accepted, in bytes; larger ones get 413 (from Content-Length when it says so, else while reading).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most pixels a photo may have (width × height), so that a small file cannot unpack into gigabytes.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>The longest side of the stored photo; larger photos are scaled down.</summary>
    public int MaxSide { get; set; } = 2048;

    /// <summary>The longest side of the thumbnail.</summary>
    public int ThumbnailSide { get; set; } = 320;

    /// <summary>JPEG quality of what is stored (1–100).</summary>
    public int Quality { get; set; } = 82;

    /// <summary>What a multipart form may carry besides the photo (the other fields and the part headers).</summary>
    public const long FormOverheadBytes = 64 * 1024;
}

/// <summary>The image formats a photo may arrive in, told by its first bytes.</summary>
public enum PhotoFormat { Jpeg, Png, WebP, Heic }

/// <summary>A photo as stored: re-encoded as JPEG without any metadata, with its thumbnail.</summary>
/// <param name="Version">A hash of the stored image, part of its public address.</param>
public sealed record ProcessedPhoto(byte[] Image, int Width, int Height, byte[] Thumbnail, int ThumbWidth, int ThumbHeight, string Version);

/// <summary>
/// Photos are checked by content and re-encoded with SkiaSharp: decoded (EXIF orientation applied), scaled to a bounded
/// size and written as a new JPEG. Nothing of the uploaded file but its pixels survives: no EXIF, GPS, maker notes, XMP
/// or ICC profile. See ADR 0014.
/// </summary>
public static class PhotoProcessor
{
    /// <summary>The format the first bytes name; null when they name none we take.</summary>
    public static PhotoFormat? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return PhotoFormat.Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return PhotoFormat.Png;
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head.Slice(8, 4).SequenceEqual("WEBP"u8)) return PhotoFormat.WebP;
        if (head.Length >= 12 && head.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = head.Slice(8, 4);
            foreach (var heif in (ReadOnlySpan<string>)["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"])
                if (brand.SequenceEqual(System.Text.Encoding.ASCII.GetBytes(heif))) return PhotoFormat.Heic;
        }
        return null;
    }

    /// <summary>Decodes, orients, scales and re-encodes the photo; a problem (415 or 413) when it cannot be taken.</summary>
    public static ProcessedPhoto Process(byte[] data, PhotoOptions options)
    {
        var format = Sniff(data) ?? throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, ObservationTexts.PhotoFormat);
        using var codec = SKCodec.Create(new SKMemoryStream(data)) ?? throw new ProblemException(StatusCodes.Status415UnsupportedMediaType,
            format == PhotoFormat.Heic ? ObservationTexts.PhotoHeic : ObservationTexts.PhotoUnreadable);
        var info = codec.Info;
        if ((long)info.Width * info.Height > options.MaxPixels)
            throw new ProblemException(StatusCodes.Status413PayloadTooLarge, ObservationTexts.PhotoTooManyPixels, options.MaxPixels / 1_000_000);

        // Decode at a reduced scale where the codec can (JPEG: 1/2, 1/4, 1/8), never below the size we keep.
        var longest = Math.Max(info.Width, info.Height);
        var wanted = Math.Min(1f, (float)options.MaxSide / longest);
        var decodeSize = codec.GetScaledDimensions(wanted);
        if (Math.Max(decodeSize.Width, decodeSize.Height) < Math.Min(options.MaxSide, longest)) decodeSize = info.Size;
        using var decoded = new SKBitmap(new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, ObservationTexts.PhotoUnreadable);

        using var image = Render(decoded, codec.EncodedOrigin, options.MaxSide);
        using var thumbnail = Render(image, SKEncodedOrigin.TopLeft, options.ThumbnailSide);
        var jpeg = Encode(image, options.Quality);
        var thumb = Encode(thumbnail, options.Quality);
        return new ProcessedPhoto(jpeg, image.Width, image.Height, thumb, thumbnail.Width, thumbnail.Height,
            Convert.ToHexStringLower(SHA256.HashData(jpeg))[..16]);
    }

    /// <summary>
    /// The bitmap upright (as the EXIF orientation says it is meant to be seen) and scaled so that its longest side is at
    /// most <paramref name="maxSide"/>, on white (a transparent PNG becomes a JPEG).
    /// </summary>
    private static SKBitmap Render(SKBitmap source, SKEncodedOrigin origin, int maxSide)
    {
        var (w, h) = (source.Width, source.Height);
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (uprightW, uprightH) = swaps ? (h, w) : (w, h);
        var scale = Math.Min(1f, (float)maxSide / Math.Max(uprightW, uprightH));
        var (outW, outH) = (Math.Max(1, (int)Math.Round(uprightW * scale)), Math.Max(1, (int)Math.Round(uprightH * scale)));

        var target = new SKBitmap(new SKImageInfo(outW, outH, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.White);
        canvas.Scale((float)outW / uprightW, (float)outH / uprightH);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Translate(w, 0); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.BottomRight: canvas.Translate(w, h); canvas.RotateDegrees(180); break;
            case SKEncodedOrigin.BottomLeft: canvas.Translate(0, h); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(h, w); canvas.RotateDegrees(90); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, w); canvas.RotateDegrees(-90); break;
            default: break;
        }
        using var sourceImage = SKImage.FromBitmap(source);
        canvas.DrawImage(sourceImage, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        canvas.Flush();
        return target;
    }

    private static byte[] Encode(SKBitmap bitmap, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
