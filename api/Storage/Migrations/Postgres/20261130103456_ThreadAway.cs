using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookFollowUp.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ThreadAway : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "away",
                table: "thread_summaries",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "away",
                table: "thread_summaries");
        }
    }
}
