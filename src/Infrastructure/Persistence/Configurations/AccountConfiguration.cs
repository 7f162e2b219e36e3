using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ent77.Infrastructure.Persistence.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("Accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasConversion(id => id.Value, value => new AccountId(value));
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.DomainEvents);
        builder.Ignore(a => a.PasswordOwner);

        builder.Property(a => a.Identifier)
            .HasConversion(i => i.Value, value => Identifier.FromStored(value))
            .HasMaxLength(80)
            .IsRequired();
        builder.HasIndex(a => a.Identifier).IsUnique();
        builder.Property<string>(Ent77DbContext.IdentifierBase).HasMaxLength(80).IsRequired();
        builder.HasIndex(Ent77DbContext.IdentifierBase);
        builder.Property(a => a.ClassName).HasMaxLength(ClassName.MaxLength);
        builder.Property(a => a.ExternalId).HasMaxLength(Account.MaxExternalIdLength);
        builder.Property<string?>(Ent77DbContext.ExternalIdLookup).HasMaxLength(Account.MaxExternalIdLength);
        builder.HasIndex(nameof(Account.EstablishmentId), Ent77DbContext.ExternalIdLookup).IsUnique();
        builder.HasIndex(a => new { a.EstablishmentId, a.ClassName });

        builder.Property(a => a.FirstName).HasMaxLength(PersonName.MaxLength).IsRequired();
        builder.Property(a => a.LastName).HasMaxLength(PersonName.MaxLength).IsRequired();
        builder.Property(a => a.Profile).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.EstablishmentId).HasConversion(id => id!.Value.Value, value => new EstablishmentId(value));
        builder.HasOne<Establishment>().WithMany().HasForeignKey(a => a.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.EstablishmentId, a.Status });

        builder.Property(a => a.PasswordHash).HasMaxLength(200);
        builder.Property(a => a.SecurityStamp).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Email)
            .HasConversion(e => e!.Value, value => EmailAddress.FromStored(value))
            .HasMaxLength(EmailAddress.MaxLength);
        builder.Property(a => a.MobilePhone)
            .HasConversion(p => p!.E164, value => MobilePhone.FromStored(value))
            .HasMaxLength(20);
        builder.Property(a => a.AcceptedTermsVersion).HasMaxLength(32);
        builder.Property<string?>(Ent77DbContext.EmailLookup).HasMaxLength(EmailAddress.MaxLength);
        builder.HasIndex(Ent77DbContext.EmailLookup);
        builder.Property(a => a.EmailConfirmationHash).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(a => a.EmailConfirmationHash);

        builder.HasMany(a => a.ResetRequests)
            .WithOne()
            .HasForeignKey("AccountId")
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.ResetRequests).HasField("_resetRequests").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(a => a.ActivationCodes)
            .WithOne()
            .HasForeignKey("AccountId")
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.ActivationCodes).HasField("_activationCodes").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(a => a.Roles, roles =>
        {
            roles.ToTable("AccountRoles");
            roles.WithOwner().HasForeignKey("AccountId");
            roles.Property<int>("Id");
            roles.HasKey("Id");
            roles.Property(r => r.Role).HasConversion<string>().HasMaxLength(32);
            roles.Property(r => r.EstablishmentId).HasConversion(id => id!.Value.Value, value => new EstablishmentId(value));
            roles.HasIndex(r => r.EstablishmentId);
        });
        builder.Navigation(a => a.Roles).HasField("_roles").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Property(a => a.BlockedReason).HasMaxLength(64);

        // A parent's children (docs/IMPORTS.md "Families"). ChildId has an index but no foreign key: the rows of an import
        // are written tracked changes first, then the new accounts in bulk, so a link may name a student written after it.
        builder.OwnsMany(a => a.Children, children =>
        {
            children.ToTable("FamilyLinks");
            children.WithOwner().HasForeignKey("AccountId");
            children.Property<int>("Id");
            children.HasKey("Id");
            children.Property(l => l.ChildId).HasConversion(id => id.Value, value => new AccountId(value));
            children.HasIndex(l => l.ChildId);
        });
        builder.Navigation(a => a.Children).HasField("_children").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
