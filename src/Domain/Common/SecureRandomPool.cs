using System.Security.Cryptography;

namespace Ent77.Domain.Common;

/// <summary>
/// Cryptographically secure random bytes drawn from the operating system in blocks of 4 KiB per thread and handed out in
/// slices, each byte once: an import of 100,000 accounts needs a stamp and a code for each, and one system call per
/// 4 KiB instead of two per account keeps that randomness off its profile (docs/PERFORMANCE.md "Bulk issuance").
/// The bytes are the system generator's own; only the calls are grouped.
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
