using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ent77.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Recovery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EmailConfirmationExpiresAt",
                table: "Accounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailConfirmationHash",
                table: "Accounts",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EmailConfirmedAt",
                table: "Accounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailLookup",
                table: "Accounts",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Template = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    ProtectedSecret = table.Column<string>(type: "TEXT", nullable: true),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AbandonedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PasswordResetRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PasswordResetRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PasswordResetRequests_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_EmailConfirmationHash",
                table: "Accounts",
                column: "EmailConfirmationHash");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_EmailLookup",
                table: "Accounts",
                column: "EmailLookup");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Recipient_Template_CreatedAt",
                table: "Notifications",
                columns: new[] { "Recipient", "Template", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SentAt_AbandonedAt_NextAttemptAt",
                table: "Notifications",
                columns: new[] { "SentAt", "AbandonedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PasswordResetRequests_AccountId",
                table: "PasswordResetRequests",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_PasswordResetRequests_SecretHash",
                table: "PasswordResetRequests",
                column: "SecretHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "PasswordResetRequests");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_EmailConfirmationHash",
                table: "Accounts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_EmailLookup",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "EmailConfirmationExpiresAt",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "EmailConfirmationHash",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "EmailConfirmedAt",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "EmailLookup",
                table: "Accounts");
        }
    }
}
