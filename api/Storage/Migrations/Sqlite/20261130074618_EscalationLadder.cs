using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookFollowUp.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EscalationLadder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "nudges",
                table: "thread_summaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "note",
                table: "dismissals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reason",
                table: "dismissals",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "nudges",
                table: "thread_summaries");

            migrationBuilder.DropColumn(
                name: "note",
                table: "dismissals");

            migrationBuilder.DropColumn(
                name: "reason",
                table: "dismissals");
        }
    }
}
