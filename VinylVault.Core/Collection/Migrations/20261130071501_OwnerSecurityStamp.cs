using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VinylVault.Core.Collection.Migrations
{
    /// <inheritdoc />
    public partial class OwnerSecurityStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "Owners",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "Owners");
        }
    }
}
