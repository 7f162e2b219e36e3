using Ent77.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ent77.Infrastructure.Persistence.Configurations;

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
