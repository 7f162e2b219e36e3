using Ent77.Domain.Establishments;
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
