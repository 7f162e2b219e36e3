using Ent77.Domain.Establishments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ent77.Infrastructure.Persistence.Configurations;

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
        builder.Property(r => r.StudentName).HasMaxLength(Domain.Support.HelpRequest.MaxStudentNameLength);
        builder.Property(r => r.ClassName).HasMaxLength(Domain.Accounts.ClassName.MaxLength);
        builder.Property(r => r.Message).HasMaxLength(Domain.Support.HelpRequest.MaxMessageLength).IsRequired();
        builder.Property(r => r.Note).HasMaxLength(Domain.Support.HelpRequest.MaxNoteLength);
        builder.OwnsOne(r => r.Requester, requester =>
        {
            requester.Property(q => q.FirstName).HasColumnName("RequesterFirstName").HasMaxLength(Domain.Accounts.PersonName.MaxLength).IsRequired();
            requester.Property(q => q.LastName).HasColumnName("RequesterLastName").HasMaxLength(Domain.Accounts.PersonName.MaxLength).IsRequired();
            requester.Property(q => q.Email).HasColumnName("RequesterEmail").HasMaxLength(Domain.Accounts.EmailAddress.MaxLength)
                .HasConversion(e => e!.Value, value => Domain.Accounts.EmailAddress.FromStored(value));
            requester.Property(q => q.Phone).HasColumnName("RequesterPhone").HasMaxLength(20);
        });
        builder.Navigation(r => r.Requester).IsRequired();
    }
}
