using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ent77.Infrastructure.Persistence.Configurations;

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
        builder.HasIndex(n => n.ClaimToken);
    }
}
