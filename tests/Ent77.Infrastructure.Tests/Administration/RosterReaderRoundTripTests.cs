using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Ent77.Application.Administration;
using Ent77.Domain.Accounts;
using Ent77.Infrastructure.Administration;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Ent77.Infrastructure.Tests.Administration.RosterReading;

namespace Ent77.Infrastructure.Tests.Administration;

/// <summary>Reading a roster: any valid roster, whatever its separator, encoding and header spelling, reads back exactly.</summary>
public sealed class RosterReaderRoundTripTests
{
    private static readonly string[][] HeaderNames =
    [
        ["Nom", "Nom de famille", "LastName", "Last name", "Surname"],
        ["Prénom", "FirstName", "First name"],
        ["Profil", "Profile"],
        ["Classe", "Class", "ClassName"],
        ["Date de naissance", "BirthDate", "Birth date", "DateOfBirth"],
        ["Identifiant externe", "ExternalId", "External id", "Id externe"],
    ];

    private static readonly Func<string, string>[] HeaderSpellings =
    [
        s => s,
        s => s.ToUpperInvariant(),
        s => s.ToLowerInvariant(),
        s => s.Replace(' ', '_'),
        s => string.Concat(s.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)),
    ];

    private static readonly (string Text, Profile Profile)[] ProfileSpellings =
    [
        ("Élève", Profile.Student), ("eleve", Profile.Student), ("ÉLÈVE", Profile.Student), ("Student", Profile.Student),
        ("Parent", Profile.Parent), ("Responsable légal", Profile.Parent), ("responsable", Profile.Parent),
        ("Enseignant", Profile.Teacher), ("Professeur", Profile.Teacher), ("TEACHER", Profile.Teacher),
        ("Personnel", Profile.Staff), ("staff", Profile.Staff),
    ];

    private static readonly string[] DateFormatsWritten = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy"];

    /// <summary>
    /// Valid names: a letter first, then letters, separators and CSV specials (separators, quotes); some names
    /// have letters that Windows-1252 lacks (such rosters are written in UTF-8).
    /// </summary>
    private static Gen<string> Names(bool windows1252Only) =>
        from first in Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".ToCharArray())
        from rest in Gen.OneOf(
                Gen.Elements("abcdefghijklmnopqrstuvwxyz".ToCharArray()),
                Gen.Elements("àâäçéèêëîïôöùûüÿñÀÂÇÉÈÊËÎÏÔÙÛÜŸœŒæÆß".ToCharArray()),
                Gen.Elements((windows1252Only ? "eé" : "ŁłőȘĳ李").ToCharArray()),
                Gen.Elements(" -'’;,\"".ToCharArray()))
            .ListOf()
        select Cut(first + string.Concat(rest));

    private static string Cut(string name)
    {
        name = name.TrimEnd();
        return name.Length > PersonName.MaxLength ? name[..PersonName.MaxLength].TrimEnd() : name;
    }

    private sealed record RowSpec(string LastName, string FirstName, int Profile, string? ClassName, int BirthDay, int DateFormat, bool HasExternalId);

    private static Gen<RowSpec> RowSpecs(bool windows1252Only) =>
        from lastName in Names(windows1252Only)
        from firstName in Names(windows1252Only)
        from profile in Gen.Choose(0, ProfileSpellings.Length - 1)
        from className in Gen.Elements<string?>(null, "6e A", "CM2", "Terminale; S2", "5e \"bis\"", "TS,1")
        from birthDay in Gen.Choose(-1, 44_000) // days after 01/01/1900, or no date
        from dateFormat in Gen.Choose(0, DateFormatsWritten.Length - 1)
        from hasExternalId in Gen.Elements(true, false)
        select new RowSpec(lastName, firstName, profile, className, birthDay, dateFormat, hasExternalId);

    private sealed record Roster(RowSpec[] Rows, char Separator, int Encoding, string NewLine, int[] Order, int[] HeaderChoices)
    {
        public override string ToString() =>
            $"sep={(Separator == '\t' ? "TAB" : Separator.ToString())} encoding={Encoding} order=[{string.Join(",", Order)}]\n{Text()}";

        public string Text()
        {
            var builder = new StringBuilder();
            builder.AppendJoin(Separator, Order.Select(c => Cell(HeaderSpellings[HeaderChoices[c] % HeaderSpellings.Length](HeaderNames[c][HeaderChoices[c] % HeaderNames[c].Length]))));
            for (var i = 0; i < Rows.Length; i++)
            {
                var row = Rows[i];
                string?[] cells =
                [
                    row.LastName,
                    row.FirstName,
                    ProfileSpellings[row.Profile].Text,
                    row.ClassName,
                    row.BirthDay < 0 ? null : Date(row).ToString(DateFormatsWritten[row.DateFormat], CultureInfo.InvariantCulture),
                    row.HasExternalId ? $"ext-{i}" : null,
                ];
                builder.Append(NewLine).AppendJoin(Separator, Order.Select(c => Cell(cells[c] ?? "")));
            }

            return builder.Append(NewLine).ToString();
        }

        public RosterRow[] Expected() =>
            Rows.Select((row, i) => new RosterRow(
                i + 2,
                row.LastName,
                row.FirstName,
                ProfileSpellings[row.Profile].Profile,
                row.ClassName,
                row.BirthDay < 0 ? null : Date(row),
                row.HasExternalId ? $"ext-{i}" : null)).ToArray();

        private static DateOnly Date(RowSpec row) => new DateOnly(1900, 1, 1).AddDays(row.BirthDay);

        private string Cell(string value) =>
            value.IndexOfAny([Separator, '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static readonly Gen<Roster> Rosters =
        from encoding in Gen.Choose(0, 2) // UTF-8, UTF-8 with BOM, Windows-1252 (when it can hold the names)
        from rows in RowSpecs(windows1252Only: encoding == 2).NonEmptyListOf()
        from separator in Gen.Elements(';', ',', '\t')
        from newLine in Gen.Elements("\n", "\r\n")
        from order in Gen.Shuffle(new[] { 0, 1, 2, 3, 4, 5 })
        from headerChoices in Gen.Choose(0, 1_000).ArrayOf(6)
        select new Roster([.. rows], separator, encoding, newLine, order, headerChoices);

    private static byte[] Encode(Roster roster)
    {
        var text = roster.Text();
        if (roster.Encoding == 2)
        {
            try
            {
                var bytes = Windows1252.GetBytes(text);
                // Windows-1252 text that happens to be valid UTF-8 (such as "Ã©") is read as UTF-8, as it should be.
                if (!Utf8.IsValid(bytes) || bytes.All(b => b < 0x80))
                {
                    return bytes;
                }
            }
            catch (EncoderFallbackException)
            {
                // Not representable: UTF-8 instead.
            }
        }

        return roster.Encoding == 1 ? Utf8WithBom(text) : Utf8NoBom.GetBytes(text);
    }

    [Property(MaxTest = 200)]
    public Property ValidRosters_ReadBackExactly_WhateverTheSeparatorEncodingAndHeaderSpelling() =>
        Prop.ForAll(Rosters.ToArbitrary(), roster =>
        {
#pragma warning disable xUnit1031 // FsCheck properties are synchronous; a MemoryStream completes at once.
            var result = Reader().ReadAsync(new MemoryStream(Encode(roster)), CancellationToken.None).GetAwaiter().GetResult();
#pragma warning restore xUnit1031
            return result.IsValid && result.Rows.SequenceEqual(roster.Expected());
        });

    [Fact]
    public void GeneratedRosters_CoverEverySeparatorAndEncoding()
    {
        var samples = Rosters.Sample(300).ToArray();
        var encodings = samples.Select(r => Encode(r) switch
        {
            [0xEF, 0xBB, 0xBF, ..] => "utf-8 bom",
            var bytes when Utf8.IsValid(bytes) => "utf-8",
            _ => "windows-1252",
        }).CountBy(e => e).ToDictionary();

        Assert.All(new[] { "utf-8", "utf-8 bom", "windows-1252" }, e => Assert.True(encodings.GetValueOrDefault(e) >= samples.Length / 6, $"{e}: {encodings.GetValueOrDefault(e)}"));
        Assert.All(new[] { ';', ',', '\t' }, sep => Assert.Contains(samples, r => r.Separator == sep));
    }
}
