using Ent77.Domain.Terms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ent77.Infrastructure.Persistence.Configurations;

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
