using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ent77.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Administration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "BirthDate",
                table: "Accounts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClassName",
                table: "Accounts",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "Accounts",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalIdLookup",
                table: "Accounts",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentifierBase",
                table: "Accounts",
                type: "nvarchar(80)",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_EstablishmentId_ClassName",
                table: "Accounts",
                columns: new[] { "EstablishmentId", "ClassName" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_EstablishmentId_ExternalIdLookup",
                table: "Accounts",
                columns: new[] { "EstablishmentId", "ExternalIdLookup" },
                unique: true,
                filter: "[ExternalIdLookup] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_IdentifierBase",
                table: "Accounts",
                column: "IdentifierBase");
        
            // Accounts created before these shadow columns existed: fill them as the application would.
            migrationBuilder.Sql("UPDATE [Accounts] SET [IdentifierBase] = LEFT([Identifier], LEN([Identifier]) - PATINDEX('%[^0-9]%', REVERSE([Identifier])) + 1);");
            migrationBuilder.Sql("UPDATE [Accounts] SET [EmailLookup] = LOWER([Email]) WHERE [Email] IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Accounts_EstablishmentId_ClassName",
                table: "Accounts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_EstablishmentId_ExternalIdLookup",
                table: "Accounts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_IdentifierBase",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "BirthDate",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "ClassName",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "ExternalIdLookup",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "IdentifierBase",
                table: "Accounts");
        }
    }
}
