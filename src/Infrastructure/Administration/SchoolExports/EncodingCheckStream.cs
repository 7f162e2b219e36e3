using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Ent77.Application.Administration.SchoolExports;

namespace Ent77.Infrastructure.Administration.SchoolExports;

/// <summary>
/// Passes a file's bytes through to the XML reader (synchronously), checking them against the declared encoding
/// before they are decoded, so that a wrong or missing declaration is a clear problem (naming the line and the bytes)
/// instead of names silently misread: a byte that is not UTF-8 in a file read as UTF-8; a UTF-8 sequence
/// (« Ã© » for « é ») in a file declared ISO-8859-15, which would decode without error into garbage; a non-ASCII byte
/// in a file declared US-ASCII. Also counts lines and knows when the end was reached, to tell a truncated file from a
/// malformed one.
/// </summary>
internal sealed class EncodingCheckStream(Stream inner, XmlDeclaration declaration) : Stream
{
    private readonly byte[] _pending = new byte[4];
    private int _pendingLength;
    private int _line = 1;

    /// <summary>The line being read (1 + the line feeds passed through).</summary>
    public int Line => _line;

    public bool ReachedEnd { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Check(buffer[..read]);
        return read;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Check(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            ReachedEnd = true;
            if (_pendingLength > 0 && declaration.Check == ByteCheck.Utf8)
            {
                throw NotUtf8(_pending[0], _line);
            }

            return;
        }

        var start = _pendingLength > 0 ? FinishPending(chunk) : 0;
        var i = start;
        while (i < chunk.Length)
        {
            var next = chunk[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (next < 0)
            {
                break;
            }

            i += next;
            var status = Rune.DecodeFromUtf8(chunk[i..], out var rune, out var consumed);
            if (status == OperationStatus.NeedMoreData)
            {
                // A sequence cut by the end of this chunk: judged with the next one.
                chunk[i..].CopyTo(_pending);
                _pendingLength = chunk.Length - i;
                break;
            }

            Judge(status, rune, chunk.Slice(i, consumed), LineAt(chunk, i));
            i += consumed;
        }

        _line += chunk.Count((byte)'\n');
    }

    /// <summary>Completes the sequence the previous chunk ended with; returns how many bytes of this chunk it took.</summary>
    private int FinishPending(ReadOnlySpan<byte> chunk)
    {
        Span<byte> sequence = stackalloc byte[4];
        _pending.AsSpan(0, _pendingLength).CopyTo(sequence);
        var taken = Math.Min(4 - _pendingLength, chunk.Length);
        chunk[..taken].CopyTo(sequence[_pendingLength..]);
        var status = Rune.DecodeFromUtf8(sequence[..(_pendingLength + taken)], out var rune, out var consumed);
        if (status == OperationStatus.NeedMoreData)
        {
            chunk[..taken].CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += taken;
            return chunk.Length;
        }

        var pendingLength = _pendingLength;
        _pendingLength = 0;
        Judge(status, rune, sequence[..consumed], _line);
        return Math.Max(0, consumed - pendingLength);
    }

    /// <summary>Throws when a non-ASCII sequence breaks the declared encoding.</summary>
    private void Judge(OperationStatus status, Rune rune, ReadOnlySpan<byte> sequence, int line)
    {
        switch (declaration.Check)
        {
            case ByteCheck.Utf8 when status != OperationStatus.Done:
                throw NotUtf8(sequence[0], line);
            case ByteCheck.SingleByte when status == OperationStatus.Done:
                throw LooksLikeUtf8(rune, sequence, line);
            case ByteCheck.Ascii:
                throw new ExportReadException(SchoolExportProblemKind.Encoding,
                    string.Create(CultureInfo.InvariantCulture,
                        $"Le fichier déclare l’encodage « {declaration.DeclaredName} » (ASCII, sans accents) mais la ligne {line} contient l’octet 0x{sequence[0]:X2}, qui n’en est pas : la déclaration d’encodage est fausse. Exportez le fichier à nouveau, ou déclarez encoding=\"ISO-8859-15\"."),
                    line);
        }
    }

    private int LineAt(ReadOnlySpan<byte> chunk, int index) => _line + chunk[..index].Count((byte)'\n');

    private ExportReadException NotUtf8(byte value, int line)
    {
        var declared = declaration.IsDeclared
            ? $"Le fichier déclare l’encodage « {declaration.DeclaredName} »"
            : "Le fichier ne déclare pas son encodage (ce qui vaut UTF-8)";
        var latin9 = XmlDeclaration.Latin9.GetString([value]);
        var fix = declaration.IsDeclared
            ? "remplacez la déclaration par <?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>"
            : "ajoutez en première ligne <?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>";
        return new ExportReadException(SchoolExportProblemKind.Encoding,
            string.Create(CultureInfo.InvariantCulture,
                $"{declared} mais la ligne {line} contient l’octet 0x{value:X2}, qui n’est pas de l’UTF-8 (en ISO-8859-15, ce serait « {latin9} ») : la déclaration d’encodage est absente ou fausse. Exportez le fichier à nouveau, ou {fix}."),
            line);
    }

    private ExportReadException LooksLikeUtf8(Rune rune, ReadOnlySpan<byte> sequence, int line)
    {
        var misread = declaration.Encoding!.GetString(sequence);
        return new ExportReadException(SchoolExportProblemKind.Encoding,
            string.Create(CultureInfo.InvariantCulture,
                $"Le fichier déclare l’encodage « {declaration.DeclaredName} » mais la ligne {line} est écrite en UTF-8 (« {rune} » y serait lu « {misread} ») : la déclaration d’encodage est fausse. Exportez le fichier à nouveau, ou remplacez la déclaration par <?xml version=\"1.0\" encoding=\"UTF-8\"?>."),
            line);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
