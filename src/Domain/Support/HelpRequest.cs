using System.Linq.Expressions;
using System.Security.Cryptography;
using Ent77.Domain.Accounts;
using Ent77.Domain.Common;
using Ent77.Domain.Establishments;
using Ent77.Domain.Support.Events;

namespace Ent77.Domain.Support;

/// <summary>
/// A parent's (or anyone's) request for help, handled by the school's administrators:
/// <c>Open → InProgress → Resolved | Rejected</c>. Closing needs a note; nothing leaves a closed request.
/// </summary>
public sealed class HelpRequest : AggregateRoot<HelpRequestId>
{
    public const int MaxMessageLength = 2000;
    public const int MaxStudentNameLength = 200;
    public const int MaxNoteLength = 2000;
    public const string ReferencePrefix = "AIDE-";

    public static class Errors
    {
        public const string NotOpen = "help-request.not_open";
        public const string NotInProgress = "help-request.not_in_progress";
        public const string NoteRequired = "help-request.note_required";
        public const string ContactRequired = "help-request.contact_required";
    }

    private HelpRequest()
    {
    }

    /// <summary>Human-readable, e.g. <c>AIDE-7K3M9Q</c>: what the requester quotes on the phone.</summary>
    public string Reference { get; private set; } = string.Empty;

    public EstablishmentId EstablishmentId { get; private set; }

    public HelpRequestKind Kind { get; private set; }

    public HelpRequestStatus Status { get; private set; }

    public Requester Requester { get; private set; } = null!;

    public string? StudentName { get; private set; }

    public string? ClassName { get; private set; }

    public string Message { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public Guid? StartedBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public Guid? ClosedBy { get; private set; }

    public string? Note { get; private set; }

    public bool IsClosed => Status is HelpRequestStatus.Resolved or HelpRequestStatus.Rejected;

    public static HelpRequest Submit(
        EstablishmentId establishmentId, HelpRequestKind kind, Requester requester, string? studentName, string? className, string message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(requester);
        if (requester.Email is null && string.IsNullOrWhiteSpace(requester.Phone))
        {
            throw new DomainValidationException("email", [new(Errors.ContactRequired, "Indiquez une adresse e-mail ou un numéro de téléphone pour recevoir la réponse.")]);
        }

        if (string.IsNullOrWhiteSpace(message) || message.Length > MaxMessageLength)
        {
            throw new DomainValidationException("message", [new("help-request.message", $"Décrivez votre demande en {MaxMessageLength} caractères au plus.")]);
        }

        var request = new HelpRequest
        {
            Id = HelpRequestId.New(),
            Reference = NewReference(),
            EstablishmentId = establishmentId,
            Kind = kind,
            Status = HelpRequestStatus.Open,
            Requester = requester with
            {
                FirstName = PersonName.Create(requester.FirstName, "firstName").Value,
                LastName = PersonName.Create(requester.LastName, "lastName").Value,
            },
            StudentName = StudentNameOf(studentName),
            ClassName = Accounts.ClassName.FromOptional(className)?.Value,
            Message = message.Trim(),
            CreatedAt = now,
        };
        request.Raise(new HelpRequestSubmitted(request.Id, establishmentId, now));
        return request;
    }

    /// <summary>A new reference, when the first one drawn is already taken (very unlikely: 30 random bits).</summary>
    public void RedrawReference() => Reference = NewReference();

    public void Start(Guid administratorId, DateTimeOffset now)
    {
        if (Status != HelpRequestStatus.Open)
        {
            throw new InvalidTransitionException(Errors.NotOpen, "Seule une demande ouverte peut être prise en charge.");
        }

        Status = HelpRequestStatus.InProgress;
        StartedAt = now;
        StartedBy = administratorId;
        Raise(new HelpRequestStarted(Id, EstablishmentId, Reference, now));
    }

    public void Resolve(Guid administratorId, string note, DateTimeOffset now) => Close(HelpRequestStatus.Resolved, administratorId, note, now);

    public void Reject(Guid administratorId, string note, DateTimeOffset now) => Close(HelpRequestStatus.Rejected, administratorId, note, now);

    /// <summary>The requests due for purge at <paramref name="now"/>: closed ones are kept <paramref name="retention"/>, then purged.</summary>
    public static Expression<Func<HelpRequest, bool>> DueForPurge(DateTimeOffset now, TimeSpan retention)
    {
        var closedBefore = now - retention;
        return r => (r.Status == HelpRequestStatus.Resolved || r.Status == HelpRequestStatus.Rejected) && r.ClosedAt < closedBefore;
    }

    private void Close(HelpRequestStatus outcome, Guid administratorId, string note, DateTimeOffset now)
    {
        if (Status != HelpRequestStatus.InProgress)
        {
            throw new InvalidTransitionException(Errors.NotInProgress,
                IsClosed ? "Cette demande est déjà close." : "Prenez d’abord la demande en charge.");
        }

        if (string.IsNullOrWhiteSpace(note) || note.Length > MaxNoteLength)
        {
            throw new DomainValidationException("note", [new(Errors.NoteRequired, $"Expliquez en une note ({MaxNoteLength} caractères au plus) ce qui a été fait ou pourquoi la demande est refusée.")]);
        }

        Status = outcome;
        ClosedAt = now;
        ClosedBy = administratorId;
        Note = note.Trim();
        Raise(new HelpRequestClosed(Id, EstablishmentId, Reference, outcome, now));
    }

    /// <summary>A fresh reference such as <c>AIDE-7K3M9Q</c> (6 Crockford symbols, 30 random bits).</summary>
    public static string NewReference() =>
        ReferencePrefix + new string(RandomNumberGenerator.GetItems<char>(ActivationCodeValue.Alphabet, 6));

    private static string? StudentNameOf(string? value) => TextNormalization.TrimmedOrNull(value) switch
    {
        { Length: > MaxStudentNameLength } => throw new DomainValidationException("studentName",
            [new DomainError("help-request.student_name", $"Le nom de l’élève ne doit pas dépasser {MaxStudentNameLength} caractères.")]),
        var name => name,
    };
}
