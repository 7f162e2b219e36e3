using System.Security.Cryptography;

namespace Ent77.Domain.Common;

/// <summary>
/// Cryptographically secure random bytes drawn from the operating system in blocks of 4 KiB per thread and handed out in
/// slices, each byte once: an import of 100,000 accounts needs a stamp and a code for each, and one system call per
/// 4 KiB instead of two per account keeps that randomness off its profile (docs/PERFORMANCE.md "Bulk issuance").
/// The bytes are the system generator's own; only the calls are grouped. The aggregates' ids and version stamps come
/// from here too (<see cref="NewGuid"/>, <see cref="NewGuidVersion7"/>): <see cref="Guid.NewGuid"/> and
/// <see cref="Guid.CreateVersion7()"/> make one system call each, four per imported account, which was a third of the
/// import's own work on a virtual machine.
/// </summary>
public static class SecureRandomPool
{
    private const int BlockSize = 4096;

    [ThreadStatic]
    private static byte[]? _block;

    [ThreadStatic]
    private static int _used; // bytes of the block already handed out (a new thread's block is filled at its first use)

    /// <summary>Fills <paramref name="destination"/> with fresh random bytes.</summary>
    public static void Fill(Span<byte> destination)
    {
        if (destination.Length > BlockSize / 4)
        {
            RandomNumberGenerator.Fill(destination);
            return;
        }

        var block = _block;
        if (block is null || _used + destination.Length > BlockSize)
        {
            block = _block ??= new byte[BlockSize];
            RandomNumberGenerator.Fill(block);
            _used = 0;
        }

        var slice = block.AsSpan(_used, destination.Length);
        slice.CopyTo(destination);
        slice.Clear(); // never handed out twice, nor left lying in memory
        _used += destination.Length;
    }

    /// <summary>A random GUID (RFC 9562 version 4: 122 random bits), as <see cref="Guid.NewGuid"/> makes one.</summary>
    public static Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Fill(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // variant 10xx
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>
    /// A time-ordered GUID (RFC 9562 version 7: the Unix time in milliseconds of <paramref name="timestamp"/>, then 74
    /// random bits), as <see cref="Guid.CreateVersion7(DateTimeOffset)"/> makes one.
    /// </summary>
    public static Guid NewGuidVersion7(DateTimeOffset timestamp)
    {
        var milliseconds = timestamp.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(timestamp));
        Span<byte> bytes = stackalloc byte[16];
        Fill(bytes[6..]);
        for (var i = 5; i >= 0; i--, milliseconds >>= 8)
        {
            bytes[i] = (byte)milliseconds; // 48 bits, big-endian
        }

        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70); // version 7
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // variant 10xx
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A time-ordered GUID of now (<see cref="NewGuidVersion7(DateTimeOffset)"/>).</summary>
    public static Guid NewGuidVersion7() => NewGuidVersion7(DateTimeOffset.UtcNow);

    /// <summary>
    /// <paramref name="count"/> symbols of <paramref name="alphabet"/>, uniformly: its length must be a power of two at most
    /// 256 (one masked byte per symbol, no bias).
    /// </summary>
    public static string Symbols(string alphabet, int count)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        if (alphabet.Length is 0 or > 256 || (alphabet.Length & (alphabet.Length - 1)) != 0)
        {
            throw new ArgumentException("The alphabet's length must be a power of two, at most 256.", nameof(alphabet));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 256);
        Span<byte> bytes = stackalloc byte[count];
        Fill(bytes);
        Span<char> chars = stackalloc char[count];
        var mask = alphabet.Length - 1;
        for (var i = 0; i < count; i++)
        {
            chars[i] = alphabet[bytes[i] & mask];
        }

        bytes.Clear();
        return new string(chars);
    }
}
