using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookFollowUp.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddAskVerdict : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "all_unanswered",
                table: "user_settings",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "asking_reason",
                table: "thread_summaries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "asks_nothing",
                table: "thread_summaries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "all_unanswered_default",
                table: "tenant_policies",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "display_name",
                table: "mailbox_states",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "asks",
                table: "indexed_messages",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "all_unanswered",
                table: "user_settings");

            migrationBuilder.DropColumn(
                name: "asking_reason",
                table: "thread_summaries");

            migrationBuilder.DropColumn(
                name: "asks_nothing",
                table: "thread_summaries");

            migrationBuilder.DropColumn(
                name: "all_unanswered_default",
                table: "tenant_policies");

            migrationBuilder.DropColumn(
                name: "display_name",
                table: "mailbox_states");

            migrationBuilder.DropColumn(
                name: "asks",
                table: "indexed_messages");
        }
    }
}
