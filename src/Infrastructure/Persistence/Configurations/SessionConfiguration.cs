using Ent77.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ent77.Infrastructure.Persistence.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("Sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasConversion(id => id.Value, value => new SessionId(value)).ValueGeneratedNever();
        builder.Ignore(s => s.DomainEvents);
        builder.Ignore(s => s.Version);
        builder.Property(s => s.AccountId).HasConversion(id => id.Value, value => new AccountId(value));
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.AccountId);
        builder.HasIndex(s => s.ExpiresAt);
        builder.Property(s => s.Device).HasMaxLength(Session.MaxDeviceLength).IsRequired();
    }
}
