using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookFollowUp.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddResolvedRoute : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "colleague_answers",
                table: "user_settings",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "routes",
                table: "thread_summaries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "colleague_answers_default",
                table: "tenant_policies",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolved_route",
                table: "reminders",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "route_hold",
                table: "reminders",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "route_facts",
                columns: table => new
                {
                    user_key = table.Column<string>(type: "text", nullable: false),
                    chats = table.Column<string>(type: "text", nullable: true),
                    meetings = table.Column<string>(type: "text", nullable: true),
                    chats_seen_up_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    chats_checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    teams_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    teams_retry_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    calendar_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    calendar_retry_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_route_facts", x => x.user_key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "route_facts");

            migrationBuilder.DropColumn(
                name: "colleague_answers",
                table: "user_settings");

            migrationBuilder.DropColumn(
                name: "routes",
                table: "thread_summaries");

            migrationBuilder.DropColumn(
                name: "colleague_answers_default",
                table: "tenant_policies");

            migrationBuilder.DropColumn(
                name: "resolved_route",
                table: "reminders");

            migrationBuilder.DropColumn(
                name: "route_hold",
                table: "reminders");
        }
    }
}
