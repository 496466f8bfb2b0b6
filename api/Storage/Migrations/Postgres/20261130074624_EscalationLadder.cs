using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookFollowUp.Storage.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "note",
                table: "dismissals",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reason",
                table: "dismissals",
                type: "text",
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
