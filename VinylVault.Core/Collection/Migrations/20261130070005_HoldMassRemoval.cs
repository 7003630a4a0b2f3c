using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VinylVault.Core.Collection.Migrations
{
    /// <inheritdoc />
    public partial class HoldMassRemoval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HeldRemovals",
                columns: table => new
                {
                    InstanceId = table.Column<long>(type: "INTEGER", nullable: false),
                    HeldSince = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldRemovals", x => x.InstanceId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HeldRemovals");
        }
    }
}
