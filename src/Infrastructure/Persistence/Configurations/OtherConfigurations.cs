using Ent77.Domain.Auditing;
using Ent77.Domain.Establishments;
using Ent77.Domain.Terms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ent77.Infrastructure.Persistence.Configurations;

internal sealed class EstablishmentConfiguration : IEntityTypeConfiguration<Establishment>
{
    public void Configure(EntityTypeBuilder<Establishment> builder)
    {
        builder.ToTable("Establishments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasConversion(id => id.Value, value => new EstablishmentId(value));
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.DomainEvents);
        builder.Property(e => e.Uai).HasConversion(u => u.Value, value => Uai.FromStored(value)).HasMaxLength(8).IsRequired();
        builder.HasIndex(e => e.Uai).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(Establishment.MaxNameLength).IsRequired();
        builder.Property(e => e.City).HasMaxLength(Establishment.MaxCityLength).IsRequired();
    }
}

internal sealed class TermsOfUseConfiguration : IEntityTypeConfiguration<TermsOfUse>
{
    public void Configure(EntityTypeBuilder<TermsOfUse> builder)
    {
        builder.ToTable("TermsOfUse");
        builder.HasKey(t => t.Version);
        builder.Property(t => t.Version).HasMaxLength(32);
        builder.Property(t => t.Title).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Content).IsRequired();
        builder.HasIndex(t => t.PublishedAt);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Type).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Details).HasMaxLength(500);
        builder.HasIndex(a => new { a.EstablishmentId, a.OccurredAt });
        builder.HasIndex(a => a.AccountId);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Domain.Notifications.Notification>
{
    public void Configure(EntityTypeBuilder<Domain.Notifications.Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Channel).HasConversion<string>().HasMaxLength(8);
        builder.Property(n => n.Recipient).HasMaxLength(320).IsRequired();
        builder.Property(n => n.Template).HasMaxLength(64).IsRequired();
        builder.Property(n => n.Data).IsRequired();
        builder.Property(n => n.LastError).HasMaxLength(1000);
        builder.HasIndex(n => new { n.SentAt, n.AbandonedAt, n.NextAttemptAt });
        builder.HasIndex(n => new { n.Recipient, n.Template, n.CreatedAt });
    }
}

internal sealed class HelpRequestConfiguration : IEntityTypeConfiguration<Domain.Support.HelpRequest>
{
    public void Configure(EntityTypeBuilder<Domain.Support.HelpRequest> builder)
    {
        builder.ToTable("HelpRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasConversion(id => id.Value, value => new Domain.Support.HelpRequestId(value));
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.DomainEvents);
        builder.Ignore(r => r.IsClosed);
        builder.Property(r => r.Reference).HasMaxLength(16).IsRequired();
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.EstablishmentId).HasConversion(id => id.Value, value => new EstablishmentId(value));
        builder.HasOne<Establishment>().WithMany().HasForeignKey(r => r.EstablishmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.EstablishmentId, r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.Status, r.ClosedAt });
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.StudentName).HasMaxLength(200);
        builder.Property(r => r.ClassName).HasMaxLength(50);
        builder.Property(r => r.Message).HasMaxLength(Domain.Support.HelpRequest.MaxMessageLength).IsRequired();
        builder.Property(r => r.Note).HasMaxLength(Domain.Support.HelpRequest.MaxNoteLength);
        builder.OwnsOne(r => r.Requester, requester =>
        {
            requester.Property(q => q.FirstName).HasColumnName("RequesterFirstName").HasMaxLength(100).IsRequired();
            requester.Property(q => q.LastName).HasColumnName("RequesterLastName").HasMaxLength(100).IsRequired();
            requester.Property(q => q.Email).HasColumnName("RequesterEmail").HasMaxLength(Domain.Accounts.EmailAddress.MaxLength)
                .HasConversion(e => e!.Value, value => Domain.Accounts.EmailAddress.FromStored(value));
            requester.Property(q => q.Phone).HasColumnName("RequesterPhone").HasMaxLength(20);
        });
        builder.Navigation(r => r.Requester).IsRequired();
    }
}
